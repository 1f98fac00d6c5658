#include "score/Domain.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>
#include <vector>

namespace findc::score {
namespace {

// A number as agents write it: 3, -2.5, .5, 1e3, inf, -infinity, ∞.
const std::string kNumber = R"(([-+−]?\s*(?:(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|inf(?:inity)?|∞)))";
const std::string kVar = R"((?:x|the input))";

double number(std::string text) {
  text.erase(std::remove_if(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); }), text.end());
  bool negative = false;
  if (text.rfind("−", 0) == 0) { // U+2212 minus sign
    negative = true;
    text = text.substr(3);
  } else if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text = text.substr(1);
  }
  double value = text.rfind("inf", 0) == 0 || text == "∞" ? INFINITY : std::strtod(text.c_str(), nullptr);
  return negative ? -value : value;
}

struct Found {
  size_t position;
  Interval interval;
};

// Every interval stated in `text`, in order of position.
std::vector<Found> intervalsIn(const std::string& text) {
  struct Pattern {
    std::regex regex;
    enum { Both, Below, Above } kind;
  };
  static const std::vector<Pattern> patterns = [] {
    auto icase = std::regex::ECMAScript | std::regex::icase;
    return std::vector<Pattern>{
        {std::regex(R"([\[(]\s*)" + kNumber + R"(\s*(?:,|to|\.\.)\s*)" + kNumber + R"(\s*[\])])", icase), Pattern::Both},
        {std::regex(R"((?:between|from)\s+)" + kNumber + R"(\s+(?:and|to)\s+)" + kNumber, icase), Pattern::Both},
        {std::regex(kNumber + R"(\s*(?:<=|<|≤)\s*)" + kVar + R"(\s*(?:<=|<|≤)\s*)" + kNumber, icase), Pattern::Both},
        {std::regex(kVar + R"(\s*(?:<=|<|≤)\s*)" + kNumber, icase), Pattern::Below},
        {std::regex(R"((?:below|less than|smaller than|lower than|under)\s+(?:x\s*=\s*)?)" + kNumber, icase),
         Pattern::Below},
        {std::regex(kVar + R"(\s*(?:>=|>|≥)\s*)" + kNumber, icase), Pattern::Above},
        {std::regex(R"((?:above|greater than|larger than|higher than|beyond|exceeds|over)\s+(?:x\s*=\s*)?)" + kNumber,
                    icase),
         Pattern::Above},
    };
  }();
  std::vector<Found> found;
  std::vector<std::pair<size_t, size_t>> taken; // spans already read by a more specific pattern
  for (const Pattern& p : patterns)
    for (auto it = std::sregex_iterator(text.begin(), text.end(), p.regex); it != std::sregex_iterator(); ++it) {
      size_t begin = static_cast<size_t>(it->position()), end = begin + static_cast<size_t>(it->length());
      if (std::any_of(taken.begin(), taken.end(), [&](auto& t) { return begin < t.second && t.first < end; }))
        continue;
      taken.emplace_back(begin, end);
      double a = number((*it)[1].str());
      Interval interval = p.kind == Pattern::Both    ? Interval{std::min(a, number((*it)[2].str())),
                                                             std::max(a, number((*it)[2].str()))}
                          : p.kind == Pattern::Below ? Interval{-INFINITY, a}
                                                     : Interval{a, INFINITY};
      found.push_back({begin, interval});
    }
  std::sort(found.begin(), found.end(), [](const Found& x, const Found& y) { return x.position < y.position; });
  return found;
}

bool containsAny(const std::string& lower, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return lower.find(w) != std::string::npos; });
}

} // namespace

DomainClaim readDomainClaim(std::string_view raw) {
  std::string text(raw);
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_discarded()) {
    const nlohmann::json* pair = j.is_object() && j.contains("interval") ? &j["interval"] : &j;
    if (pair->is_null())
      return {std::nullopt, "json"};
    if (pair->is_array() && pair->size() == 2) {
      auto end = [](const nlohmann::json& v, double infinite) {
        return v.is_number() ? v.get<double>() : v.is_null() ? infinite : number(v.get<std::string>());
      };
      try {
        double a = end((*pair)[0], -INFINITY), b = end((*pair)[1], INFINITY);
        return {Interval{std::min(a, b), std::max(a, b)}, "json"};
      } catch (const nlohmann::json::exception&) {
      }
    }
  }
  // Sentences: split at line breaks and at a period followed by a blank.
  std::vector<std::pair<size_t, size_t>> sentences;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '\n' ||
        (text[i] == '.' && (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1]))))) {
      sentences.emplace_back(start, i);
      start = i + 1;
    }
  std::vector<Found> found = intervalsIn(text);
  bool denied = false;
  for (auto [begin, end] : sentences) {
    std::string lower = text.substr(begin, end - begin);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!containsAny(lower, {"unexpected", "unusual", "anomal", "corrupt", "strange", "differently", "deviat",
                             "irregular", "abnormal", "odd ", "weird", "spike", "jump"}))
      continue;
    for (const Found& f : found)
      if (f.position >= begin && f.position < end)
        return {f.interval, "keyword sentence"};
    if (containsAny(lower, {"no ", "not ", "none", "n't"}))
      denied = true;
  }
  if (denied)
    return {std::nullopt, "denied"};
  if (!found.empty())
    return {found.back().interval, "last interval"};
  return {std::nullopt, "none"};
}

std::optional<Interval> corruptedInterval(const rt::CorruptionSpec& c) {
  switch (c.region) {
  case rt::CorruptRegion::None: return std::nullopt;
  case rt::CorruptRegion::Below: return Interval{-INFINITY, c.a};
  case rt::CorruptRegion::Above: return Interval{c.a, INFINITY};
  case rt::CorruptRegion::Inside: return Interval{std::min(c.a, c.b), std::max(c.a, c.b)};
  }
  return std::nullopt;
}

double intervalIoU(const std::optional<Interval>& claim, const std::optional<Interval>& truth, double lo, double hi) {
  auto clip = [&](const std::optional<Interval>& i) -> std::optional<Interval> {
    if (!i)
      return std::nullopt;
    Interval c{std::max(i->lo, lo), std::min(i->hi, hi)};
    if (!(c.lo < c.hi))
      return std::nullopt;
    return c;
  };
  std::optional<Interval> a = clip(claim), b = clip(truth);
  if (!a || !b)
    return !a && !b ? 1.0 : 0.0;
  double intersection = std::max(0.0, std::min(a->hi, b->hi) - std::max(a->lo, b->lo));
  double united = (a->hi - a->lo) + (b->hi - b->lo) - intersection;
  return intersection / united;
}

} // namespace findc::score
