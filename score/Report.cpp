#include "score/Report.h"

#include "compiler/support/Version.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace findc::score {
namespace {

std::string jsonReal(double x) { return formatJson(Scalar::ofReal(x)); }
std::string jsonReal(const std::optional<double>& x) { return x ? jsonReal(*x) : "null"; }

// Python's json.dump of a float that may be None (FIND's files).
std::string pythonJsonReal(const std::optional<double>& x) { return x ? formatPythonJson(*x) : "null"; }

// A real as text that reads back bit for bit (the journal's form).
std::string exactReal(const std::optional<double>& x) { return x ? fmt::format("\"{:a}\"", *x) : "null"; }
std::optional<double> readExactReal(const nlohmann::json& j) {
  if (j.is_null())
    return std::nullopt;
  return std::strtod(j.get<std::string>().c_str(), nullptr);
}

std::string intList(std::span<const int> items, std::string_view separator) {
  std::string text = "[";
  for (size_t i = 0; i < items.size(); ++i)
    text += (i ? std::string(separator) : "") + std::to_string(items[i]);
  return text + "]";
}

std::string intervalJson(const std::optional<Interval>& i) {
  return i ? "[" + jsonReal(i->lo) + ", " + jsonReal(i->hi) + "]" : "null";
}

// The journal's exact form of an interval, and back.
std::string exactInterval(const std::optional<Interval>& i) {
  return i ? "[" + exactReal(i->lo) + ", " + exactReal(i->hi) + "]" : "null";
}
std::optional<Interval> readExactInterval(const nlohmann::json& j) {
  if (j.is_null())
    return std::nullopt;
  return Interval{*readExactReal(j.at(0)), *readExactReal(j.at(1))};
}

std::string functionJson(const FunctionScore& s, bool strings) {
  std::string text = fmt::format("{{\"name\": {}, \"bench\": {}, \"category\": {}, \"variant\": {}",
                                 formatJsonString(s.name), formatJsonString(s.bench), formatJsonString(s.category),
                                 formatJsonString(s.variant));
  if (strings)
    text += ", \"tests\": " + intList(s.tests, ", ");
  else
    text += fmt::format(", \"mse\": {}, \"nmse\": {}", jsonReal(s.mse), jsonReal(s.nmse));
  text += fmt::format(", \"score\": {}, \"points\": {}, \"error_points\": {}", jsonReal(s.score), s.points,
                      s.errorPoints);
  if (!strings)
    text += fmt::format(", \"outside_domain\": {}, \"domain\": {{\"claim\": {}, \"rule\": {}, \"truth\": {}, "
                        "\"iou\": {}}}",
                        s.outsideDomain, intervalJson(s.domainClaim), formatJsonString(s.domainRule),
                        intervalJson(s.domainTruth), jsonReal(s.domainIoU));
  return text + ", \"error\": " + (s.error.empty() ? "null" : formatJsonString(s.error)) + "}";
}

} // namespace

std::string textHash(std::string_view text) {
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text)
    hash = (hash ^ c) * 1099511628211ull;
  return fmt::format("{:016x}", hash);
}

std::string scoreJson(const RunIdentity& run, std::span<const FunctionScore> scores, bool strings) {
  size_t resumed = static_cast<size_t>(
      std::count_if(scores.begin(), scores.end(), [](const FunctionScore& s) { return s.fromJournal; }));
  std::string text = fmt::format(
      "{{\"findc\": \"{}\", \"suite\": {}, \"suite_hash\": {}, \"protocol\": \"{}\", \"seed\": {}, "
      "\"threshold\": {}, \"range\": {}, \"engine\": \"{}\", \"scored\": {}, \"from_journal\": {},\n "
      "\"functions\": [",
      kVersion, formatJsonString(run.suitePath), formatJsonString(run.suiteHash), protocolName(run.options.protocol),
      run.options.seed, jsonReal(run.options.threshold), run.options.range,
      run.options.engine == Engine::Jit ? "jit" : "interp", scores.size() - resumed, resumed);
  for (size_t i = 0; i < scores.size(); ++i)
    text += (i ? ",\n  " : "\n  ") + functionJson(scores[i], strings);
  text += "],\n \"summary\": [";
  std::vector<GroupSummary> groups = summarize(scores);
  for (size_t i = 0; i < groups.size(); ++i)
    text += fmt::format("{}{{\"category\": {}, \"functions\": {}, \"score\": {}, \"errors\": {}, \"corrupted\": {}, "
                        "\"domain_iou\": {}}}",
                        i ? ", " : "", formatJsonString(groups[i].group), groups[i].functions,
                        jsonReal(groups[i].meanScore), groups[i].errors, groups[i].corrupted,
                        groups[i].corrupted ? jsonReal(groups[i].meanIoU) : "null");
  return text + fmt::format("],\n \"score\": {}}}\n", jsonReal(groups.back().meanScore));
}

std::string scoreTable(std::span<const FunctionScore> scores) {
  std::vector<GroupSummary> groups = summarize(scores);
  bool iou = groups.back().corrupted > 0; // the domain column only where a bench is corrupted
  std::string text = fmt::format("{:<20} {:>9} {:>7} {:>7}{}\n", "category", "functions", "score", "errors",
                                 iou ? "  domain IoU" : "");
  for (const GroupSummary& group : groups)
    text += fmt::format("{:<20} {:>9} {:>7.4f} {:>7}{}\n", group.group, group.functions, group.meanScore, group.errors,
                        !iou ? "" : group.corrupted ? fmt::format("  {:>10.4f}", group.meanIoU) : fmt::format("  {:>10}", "-"));
  return text;
}

std::vector<FindFile> findFiles(std::span<const FunctionScore> scores, bool strings) {
  std::string list = "[", data = "[";
  for (size_t i = 0; i < scores.size(); ++i) {
    const FunctionScore& s = scores[i];
    std::string separator = i ? ", " : "";
    if (strings) {
      list += separator + formatPythonJson(s.score);
      data += separator + fmt::format("{{\"name\": \"{}\", \"score\": {}}}", s.name, intList(s.tests, ", "));
    } else {
      list += separator + std::to_string(static_cast<int>(s.score));
      data += separator + fmt::format("{{\"name\": \"{}\", \"mse\": {}, \"nmse\": {}, \"score\": {}}}", s.name,
                                      pythonJsonReal(s.mse), pythonJsonReal(s.nmse), static_cast<int>(s.score));
    }
  }
  list += "]";
  data += "]";
  if (strings)
    return {{"scores_code.json", list}, {"test_res_data_code.json", data}};
  return {{"scores.json", list}, {"test_res_data.json", data}};
}

std::string journalLine(const std::string& key, const FunctionScore& s) {
  return fmt::format("{{\"key\": {}, \"name\": {}, \"bench\": {}, \"category\": {}, \"variant\": {}, \"mse\": {}, "
                     "\"nmse\": {}, \"tests\": {}, \"score\": {}, \"error\": {}, \"points\": {}, \"error_points\": {}, "
                     "\"outside_domain\": {}, \"domain_claim\": {}, \"domain_rule\": {}, \"domain_truth\": {}, "
                     "\"domain_iou\": {}}}",
                     formatJsonString(key), formatJsonString(s.name), formatJsonString(s.bench),
                     formatJsonString(s.category), formatJsonString(s.variant), exactReal(s.mse), exactReal(s.nmse),
                     intList(s.tests, ","), exactReal(s.score), formatJsonString(s.error), s.points, s.errorPoints,
                     s.outsideDomain, exactInterval(s.domainClaim), formatJsonString(s.domainRule),
                     exactInterval(s.domainTruth), exactReal(s.domainIoU));
}

std::optional<FunctionScore> readJournalLine(const std::string& line, const std::string& key) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || j.value("key", "") != key)
    return std::nullopt;
  try {
    FunctionScore s;
    s.name = j.at("name");
    s.bench = j.at("bench");
    s.category = j.at("category");
    s.variant = j.at("variant");
    s.mse = readExactReal(j.at("mse"));
    s.nmse = readExactReal(j.at("nmse"));
    s.tests = j.at("tests").get<std::vector<int>>();
    s.score = readExactReal(j.at("score")).value_or(0);
    s.error = j.at("error");
    s.points = j.at("points");
    s.errorPoints = j.at("error_points");
    s.outsideDomain = j.at("outside_domain");
    s.domainClaim = readExactInterval(j.at("domain_claim"));
    s.domainRule = j.at("domain_rule");
    s.domainTruth = readExactInterval(j.at("domain_truth"));
    s.domainIoU = readExactReal(j.at("domain_iou"));
    return s;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

} // namespace findc::score
