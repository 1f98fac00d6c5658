// FIND's unit-test data (compiler/suite/UnitTests) with functions written
// here as C++ lambdas: every correct pair is an execution, no distractor is
// one, the choices are a pure function of the seed, the fallbacks and
// failures; and FindExport's reading of FIND's names back into params.
#include "compiler/suite/FindExport.h"
#include "compiler/suite/UnitTests.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace {

using findc::suite::EvaluateSubject;
using findc::suite::findNameOf;
using findc::suite::findParamsOf;
using findc::suite::makeUnitTests;
using findc::suite::PrintedOutputs;
using findc::suite::UnitTestOptions;
using findc::suite::UnitTests;
using findc::suite::unitTestDataJson;
using findc::suite::unitTestStrings;

using Function = std::function<std::optional<std::string>(const std::string&)>;

EvaluateSubject evaluatorOf(const std::vector<Function>& functions) {
  return [functions](size_t subject, std::span<const std::string> inputs) {
    PrintedOutputs out;
    for (const std::string& input : inputs)
      out.push_back(functions[subject](input));
    return out;
  };
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// Functions that agree on many inputs (identity and upper on upper-case text
// and digits), one that raises on most, one constant.
const std::vector<Function> kFunctions = {
    [](const std::string& s) { return s; },
    [](const std::string& s) { return upper(s); },
    [](const std::string& s) -> std::optional<std::string> {
      if (s.size() < 12)
        return std::nullopt; // IndexError, say
      return s.substr(11, 1);
    },
    [](const std::string&) { return std::string("7"); },
    [](const std::string& s) { return std::to_string(s.size()); },
};
const std::vector<std::string> kNames = {"f00000", "f00001", "f00002", "f00003", "f00004"};

TEST(UnitTestsTest, CorrectPairsAreExecutionsAndDistractorsAreNot) {
  std::vector<std::string> pool = unitTestStrings(7);
  auto tests = makeUnitTests(kNames, pool, evaluatorOf(kFunctions), {.seed = 7});
  ASSERT_TRUE(bool(tests)) << llvm::toString(tests.takeError());
  ASSERT_EQ(tests->size(), kFunctions.size());
  std::set<size_t> positions;
  for (size_t s = 0; s < tests->size(); ++s) {
    const UnitTests& own = (*tests)[s];
    EXPECT_EQ(own.name, kNames[s]);
    ASSERT_EQ(own.vectors.size(), 10u);
    std::set<std::string> correctInputs;
    for (const auto& vector : own.vectors) {
      ASSERT_EQ(vector.inputs.size(), 3u);
      ASSERT_EQ(vector.outputs.size(), 3u);
      ASSERT_LT(vector.correct, 3u);
      positions.insert(vector.correct);
      std::set<std::string> inputs(vector.inputs.begin(), vector.inputs.end());
      EXPECT_EQ(inputs.size(), 3u) << "the three inputs of a vector differ";
      for (size_t p = 0; p < 3; ++p) {
        std::optional<std::string> truth = kFunctions[s](vector.inputs[p]);
        if (p == vector.correct) {
          EXPECT_EQ(truth, vector.outputs[p]) << own.name << " at " << vector.inputs[p];
          correctInputs.insert(vector.inputs[p]);
        } else {
          EXPECT_NE(truth, vector.outputs[p]) << own.name << " distractor at " << vector.inputs[p];
        }
      }
    }
    // f00002 returns on few inputs of the pool; the others on all of them.
    if (s != 2) {
      EXPECT_EQ(correctInputs.size(), 10u) << own.name;
    }
  }
  EXPECT_EQ(positions.size(), 3u) << "the correct pair takes every position";
}

TEST(UnitTestsTest, TheSeedDecides) {
  auto evaluate = evaluatorOf(kFunctions);
  auto text = [&](uint64_t seed) {
    auto tests = makeUnitTests(kNames, unitTestStrings(seed), evaluate, {.seed = seed});
    return tests ? unitTestDataJson(*tests) : llvm::toString(tests.takeError());
  };
  EXPECT_EQ(text(3), text(3));
  EXPECT_NE(text(3), text(4));
}

TEST(UnitTestsTest, PoolHasNothingFindsScorerCannotPaste) {
  for (uint64_t seed : {0u, 1u, 99u})
    for (const std::string& input : unitTestStrings(seed)) {
      EXPECT_EQ(input.find_first_of("'\\\n\r"), std::string::npos) << input;
      EXPECT_FALSE(input.empty());
    }
  EXPECT_EQ(unitTestStrings(5), unitTestStrings(5));
  EXPECT_NE(unitTestStrings(5), unitTestStrings(6));
}

TEST(UnitTestsTest, OneFunctionUsesItsOwnOutputsElsewhere) {
  std::vector<Function> one = {kFunctions[4]};
  std::vector<std::string> names = {"f00000"};
  auto tests = makeUnitTests(names, unitTestStrings(0), evaluatorOf(one), {});
  ASSERT_TRUE(bool(tests)) << llvm::toString(tests.takeError());
  for (const auto& vector : (*tests)[0].vectors)
    for (size_t p = 0; p < 3; ++p)
      EXPECT_EQ(one[0](vector.inputs[p]) == vector.outputs[p], p == vector.correct);
}

TEST(UnitTestsTest, FailuresNameTheFunction) {
  std::vector<std::string> names = {"f00000", "f00001"};
  std::vector<Function> raising = {kFunctions[0], [](const std::string&) { return std::nullopt; }};
  auto tests = makeUnitTests(names, unitTestStrings(0), evaluatorOf(raising), {});
  ASSERT_FALSE(bool(tests));
  EXPECT_EQ(llvm::toString(tests.takeError()), "f00001: raises on every unit-test input");

  std::vector<Function> constant = {kFunctions[3]};
  std::vector<std::string> one = {"f00000"};
  tests = makeUnitTests(one, unitTestStrings(0), evaluatorOf(constant), {});
  ASSERT_FALSE(bool(tests));
  EXPECT_EQ(llvm::toString(tests.takeError()),
            "f00000: no distractor: every other function agrees with it on the unit-test inputs");
}

TEST(UnitTestsTest, JsonIsFindsLayout) {
  UnitTests tests{"f00000", {{{"a", "b\"", "c"}, {"A", "x", "é"}, 1}}};
  EXPECT_EQ(unitTestDataJson(std::span(&tests, 1)),
            "[\n{\"name\": \"f00000\", \"test_vec\": [[[\"a\", \"b\\\"\", \"c\"], [\"A\", \"x\", \"é\"]]], "
            "\"correct_inx\": [2]}\n]\n");
}

TEST(FindExportTest, StringNamesGiveFindsParams) {
  EXPECT_EQ(findParamsOf("insert_number(1)"), "1");
  EXPECT_EQ(findParamsOf("duplicate_mid_letter(())"), "[]");
  EXPECT_EQ(findParamsOf("swap_rand((3, 7))"), "[3, 7]");
  EXPECT_EQ(findParamsOf("find_string;convert_to_lowercase;compose_1input_1input(r, ())"), "[\"r\", []]");
  EXPECT_EQ(findParamsOf("count_vowels;replace_substring;compose_1input_1input((), ('Q', 'F'))"),
            "[[], [\"Q\", \"F\"]]");
  EXPECT_EQ(findParamsOf("map_string({'a': 'q', 'b': 'w'})"), "{\"a\": \"q\", \"b\": \"w\"}");
  EXPECT_EQ(findParamsOf("add_letter(xy)"), "\"xy\"");
  // The numeric forms are unchanged.
  EXPECT_EQ(findParamsOf("absolute((26.8, -8.2))"), "[26.8, -8.2]");
  EXPECT_EQ(findParamsOf("ceil;constant;multiply_two(None, -79)"), "[null, -79]");
  EXPECT_EQ(findParamsOf("broken((1, 2)"), std::nullopt);
  EXPECT_EQ(findParamsOf("quote(('a)"), std::nullopt);
}

TEST(FindExportTest, NamesComeFromEitherDescription) {
  EXPECT_EQ(findNameOf("FIND v1 f00000: absolute((26.8, -8.2)), shipped as its MLP approximation.", "f00000"),
            "absolute((26.8, -8.2))");
  EXPECT_EQ(findNameOf("Sampled (seed 1) s00002: find_string(convert_to_lowercase(x), 'r'), FIND's "
                       "find_string;convert_to_lowercase;compose_1input_1input(r, ()).",
                       "s00002"),
            "find_string;convert_to_lowercase;compose_1input_1input(r, ())");
  EXPECT_EQ(findNameOf("s00002: something else", "s00002"), std::nullopt);
  EXPECT_EQ(findNameOf("Sampled s00003: x, FIND's y.", "s00002"), std::nullopt);
}

} // namespace
