#include "compiler/suite/UnitTests.h"

#include "runtime/Bench.h"
#include "runtime/Philox.h"
#include "runtime/Value.h"

#include <fmt/core.h>

#include <algorithm>
#include <numeric>

namespace findc::suite {
namespace {

// Inputs a string function is worth seeing on: plain and capitalized words,
// sentences, repeated letters, digits alone and mixed in, punctuation and
// spaces at the ends, one or two characters, and non-ASCII text (Latin
// accents, Greek, CJK, an emoji). No `'`, `\` or line break (see the header).
constexpr std::string_view kFixedStrings[] = {
    "hello",
    "World",
    "Python",
    "banana",
    "Mississippi",
    "racecar",
    "abcdefghijklmnopqrstuvwxyz",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "The quick brown fox",
    "jumps over the lazy dog",
    "Hello, World!",
    "data science 101",
    "interpretability",
    "MiXeD CaSe TeXt",
    "UPPERCASE",
    "lowercase",
    "a",
    "Z",
    "ab",
    "xyz",
    "aaaa",
    "zzz top",
    "12345",
    "2023",
    "0",
    "room 42b",
    "abc123def",
    "3 apples and 7 pears",
    "  padded  ",
    "trailing space ",
    "hyphen-ated-word",
    "snake_case_name",
    "dots.in.a.row",
    "Question?",
    "#hashtag @user",
    "(parentheses) [brackets]",
    "\"quoted\"",
    "tab\tinside",
    "café au lait",
    "naïve résumé",
    "Ελληνικά",
    "日本語テキスト",
    "smile 😀",
};

// The alphabet of the random strings: letters of both cases, digits, a
// space and punctuation FIND's scorer can paste.
constexpr std::string_view kRandomAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?-_#@()";
constexpr size_t kRandomStrings = 21;
constexpr size_t kRandomLength = 16;

// Choices drawn in order from one Philox stream.
class Draws {
public:
  explicit Draws(rt::PhiloxKey key) : key_(key) {}
  // Uniform in [0, n), n > 0.
  size_t below(size_t n) {
    rt::PhiloxCounter bits = rt::philox4x32({counter_++, 0x75746573 /* "utes" */, 0, 0}, key_);
    uint64_t word = uint64_t{bits[0]} << 32 | bits[1];
    return static_cast<size_t>((static_cast<unsigned __int128>(word) * n) >> 64);
  }

private:
  rt::PhiloxKey key_;
  uint32_t counter_ = 0;
};

// A JSON list of strings.
std::string jsonStrings(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i)
    out += (i ? ", " : "") + formatJsonString(items[i]);
  return out + "]";
}

} // namespace

std::vector<std::string> unitTestStrings(uint64_t seed) {
  std::vector<std::string> pool(std::begin(kFixedStrings), std::end(kFixedStrings));
  Draws draws(rt::benchKey(seed, "unit test inputs"));
  for (size_t i = 0; i < kRandomStrings; ++i) {
    std::string text;
    for (size_t n = 1 + draws.below(kRandomLength); n > 0; --n)
      text += kRandomAlphabet[draws.below(kRandomAlphabet.size())];
    pool.push_back(std::move(text));
  }
  return pool;
}

// Numbers agents try first, then seeded ones in FIND's range with one
// decimal, as text (Python's repr), the way FIND's frame receives argv.
constexpr std::string_view kFixedNumbers[] = {"0", "1", "-1", "0.5", "-0.5", "2", "-2", "3.5", "-7.25",
                                              "10", "-10", "25.5", "-64", "100", "-100", "127.5", "-127.5"};
constexpr size_t kRandomNumbers = 23;

std::vector<std::string> unitTestNumbers(uint64_t seed) {
  std::vector<std::string> pool(std::begin(kFixedNumbers), std::end(kFixedNumbers));
  Draws draws(rt::benchKey(seed, "unit test numbers"));
  while (pool.size() < std::size(kFixedNumbers) + kRandomNumbers) {
    double x = (static_cast<double>(draws.below(2561)) - 1280.0) / 10.0; // -128.0 ... 128.0
    std::string text = formatPython(Scalar::ofReal(x));
    if (std::find(pool.begin(), pool.end(), text) == pool.end())
      pool.push_back(std::move(text));
  }
  return pool;
}

llvm::Expected<std::vector<UnitTests>> makeUnitTests(std::span<const std::string> names,
                                                     std::span<const std::string> pool,
                                                     const EvaluateSubject& evaluate, const UnitTestOptions& options) {
  auto failure = [](const std::string& name, const std::string& what) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s: %s", name.c_str(), what.c_str());
  };
  if (pool.size() < options.pairs || options.pairs == 0 || options.vectors == 0)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "unit tests need at least %zu inputs",
                                   options.pairs);
  std::vector<PrintedOutputs> outputs;
  outputs.reserve(names.size());
  for (size_t s = 0; s < names.size(); ++s)
    outputs.push_back(evaluate(s, pool));

  std::vector<UnitTests> all;
  for (size_t s = 0; s < names.size(); ++s) {
    const PrintedOutputs& own = outputs[s];
    Draws draws(rt::benchKey(options.seed, names[s]));
    // The correct inputs: the pool shuffled, those where the function returns.
    std::vector<size_t> order(pool.size());
    std::iota(order.begin(), order.end(), size_t{0});
    for (size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[draws.below(i)]);
    std::erase_if(order, [&](size_t k) { return !own[k]; });
    if (order.empty())
      return failure(names[s], "raises on every unit-test input");

    // (subject, input) is a distractor for `s` unless it is an execution of s.
    auto distracts = [&](size_t other, size_t k) {
      return outputs[other][k] && own[k] != outputs[other][k];
    };
    UnitTests tests{names[s], {}};
    for (size_t v = 0; v < options.vectors; ++v) {
      size_t correctInput = order[v % order.size()];
      UnitTestVector vector;
      vector.correct = draws.below(options.pairs);
      std::vector<size_t> used = {correctInput};
      for (size_t p = 0; p < options.pairs; ++p) {
        if (p == vector.correct) {
          vector.inputs.push_back(pool[correctInput]);
          vector.outputs.push_back(*own[correctInput]);
          continue;
        }
        auto fresh = [&](size_t k) { return std::find(used.begin(), used.end(), k) == used.end(); };
        // Another function's execution: random tries, then a scan.
        std::optional<std::pair<size_t, size_t>> pick;
        for (int attempt = 0; attempt < 64 && !pick && names.size() > 1; ++attempt) {
          size_t other = draws.below(names.size() - 1);
          other += other >= s;
          size_t k = draws.below(pool.size());
          if (fresh(k) && distracts(other, k))
            pick = {other, k};
        }
        for (size_t other = 0; other < names.size() && !pick; ++other)
          for (size_t k = 0; k < pool.size() && !pick && other != s; ++k)
            if (fresh(k) && distracts(other, k))
              pick = {other, k};
        if (pick) {
          vector.inputs.push_back(pool[pick->second]);
          vector.outputs.push_back(*outputs[pick->first][pick->second]);
          used.push_back(pick->second);
          continue;
        }
        // Its own output at another input, paired with a fresh input.
        std::optional<std::pair<size_t, size_t>> shuffled;
        for (size_t k = 0; k < pool.size() && !shuffled; ++k)
          for (size_t from = 0; from < pool.size() && !shuffled && fresh(k); ++from)
            if (own[from] && own[from] != own[k])
              shuffled = {k, from};
        if (!shuffled)
          return failure(names[s], "no distractor: every other function agrees with it on the unit-test inputs");
        vector.inputs.push_back(pool[shuffled->first]);
        vector.outputs.push_back(*own[shuffled->second]);
        used.push_back(shuffled->first);
      }
      tests.vectors.push_back(std::move(vector));
    }
    all.push_back(std::move(tests));
  }
  return all;
}

std::string unitTestDataJson(std::span<const UnitTests> tests) {
  std::string out = "[";
  for (size_t s = 0; s < tests.size(); ++s) {
    std::string vectors, correct;
    for (size_t v = 0; v < tests[s].vectors.size(); ++v) {
      const UnitTestVector& vector = tests[s].vectors[v];
      vectors += fmt::format("{}[{}, {}]", v ? ", " : "", jsonStrings(vector.inputs), jsonStrings(vector.outputs));
      correct += fmt::format("{}{}", v ? ", " : "", vector.correct + 1);
    }
    out += fmt::format("{}\n{{\"name\": {}, \"test_vec\": [{}], \"correct_inx\": [{}]}}", s ? "," : "",
                       formatJsonString(tests[s].name), vectors, correct);
  }
  return out + "\n]\n";
}

} // namespace findc::suite
