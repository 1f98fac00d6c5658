// FIND's string sampler: FIND's tables (lists, avoid dictionary with its
// ineffective glued entries), determinism, distinct functions, the 30/70
// split, avoided pairs, parameter ranges, reachability, and the text written.
#include "compiler/suite/FindStringSampler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using findc::suite::describeStringFunction;
using findc::suite::findStringAvoidList;
using findc::suite::findStringAvoids;
using findc::suite::findStringInnerNames;
using findc::suite::findStringName;
using findc::suite::findStringOuterNames;
using findc::suite::sampleFindStrings;
using findc::suite::StringAtom;
using findc::suite::stringExpression;
using findc::suite::StringFunction;
using findc::suite::stringLiteral;
using findc::suite::StringParam;
using findc::suite::writeFindStringSuite;
using Kind = findc::suite::StringParam::Kind;

bool contains(std::span<const std::string_view> list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

size_t allowedInnerSlots(std::string_view outer) {
  size_t n = 0;
  for (std::string_view inner : findStringInnerNames())
    n += !findStringAvoids(outer, inner);
  return n;
}

bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool isLetters(const StringParam &p, size_t lo, size_t hi) {
  return p.kind == Kind::Str && p.text.size() >= lo && p.text.size() <= hi &&
         std::all_of(p.text.begin(), p.text.end(), isAsciiLetter);
}

bool isInt(const StringParam &p, int64_t lo, int64_t hi) {
  return p.kind == Kind::Int && p.number >= lo && p.number <= hi;
}

// FIND's parameter ranges (sample_single_f), written out independently of
// the sampler's rule table.
void expectParamsInRange(const StringAtom &atom) {
  static const std::set<std::string_view> kDigit = {
      "add_number_to_string",      "subtract_number_to_string",  "insert_number",
      "add_number_to_middle",      "subtract_middle_character", "advance_by_character_order",
      "substract_by_character_order"};
  static const std::set<std::string_view> kLetter = {
      "add_letter_if_needed", "insert_letter", "count_character_repetitions",  "split_string",
      "count_substring",      "find_string",   "remove_substring",             "replace_vowels_with_character"};
  static const std::set<std::string_view> kIndexPair = {"swap_rand", "add_order_of_inx1_to_inx2",
                                                        "sub_order_of_inx1_to_inx2"};
  static const std::set<std::string_view> kShift = {"shift_last_letter_rand", "shift_first_letter_rand",
                                                    "shift_last_letter_predecessor_rand",
                                                    "shift_first_letter_predecessor_rand"};
  const std::vector<StringParam> &p = atom.params;
  std::string what(atom.name);
  if (kDigit.count(atom.name)) {
    ASSERT_EQ(p.size(), 1u) << what;
    EXPECT_TRUE(isInt(p[0], 1, 9)) << what << " " << p[0].number;
  } else if (kLetter.count(atom.name)) {
    ASSERT_EQ(p.size(), 1u) << what;
    EXPECT_TRUE(isLetters(p[0], 1, 1)) << what << " '" << p[0].text << "'";
  } else if (atom.name == "string_concatenate") {
    ASSERT_EQ(p.size(), 1u) << what;
    EXPECT_TRUE(isLetters(p[0], 1, 5)) << what << " '" << p[0].text << "'";
  } else if (atom.name == "replace_substring") {
    ASSERT_EQ(p.size(), 2u) << what;
    EXPECT_TRUE(isLetters(p[0], 1, 1) && isLetters(p[1], 1, 1)) << what;
    EXPECT_NE(p[0].text, p[1].text) << what;
  } else if (kIndexPair.count(atom.name)) {
    ASSERT_EQ(p.size(), 2u) << what;
    EXPECT_TRUE(isInt(p[0], 0, 9) && isInt(p[1], 0, 9)) << what;
    EXPECT_NE(p[0].number, p[1].number) << what;
  } else if (kShift.count(atom.name)) {
    ASSERT_EQ(p.size(), 1u) << what;
    EXPECT_TRUE(isInt(p[0], 0, 25)) << what << " " << p[0].number;
  } else if (atom.name == "map_string") {
    ASSERT_EQ(p.size(), 1u) << what;
    ASSERT_EQ(p[0].kind, Kind::Map);
    std::string image(p[0].mapping.begin(), p[0].mapping.end());
    std::string sorted = image;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, "abcdefghijklmnopqrstuvwxyz") << "not a permutation: " << image;
  } else {
    EXPECT_TRUE(p.empty()) << what << " takes no parameter";
  }
}

// ---- FIND's tables ------------------------------------------------------------

TEST(FindStringTables, ListsAreFinds) {
  std::span<const std::string_view> outer = findStringOuterNames(), inner = findStringInnerNames();
  ASSERT_EQ(outer.size(), 67u);
  EXPECT_EQ(std::set<std::string_view>(outer.begin(), outer.end()).size(), 67u);
  ASSERT_EQ(inner.size(), 64u);
  EXPECT_EQ(std::count(inner.begin(), inner.end(), "remove_digits"), 2);
  std::set<std::string_view> innerSet(inner.begin(), inner.end());
  EXPECT_EQ(innerSet.size(), 63u);
  // The inner list is the outer list without these four.
  std::set<std::string_view> missing;
  for (std::string_view name : outer)
    if (!innerSet.count(name))
      missing.insert(name);
  EXPECT_EQ(missing, (std::set<std::string_view>{"get_first_character", "get_last_character", "get_mid_character",
                                                 "map_string"}));
  for (std::string_view name : inner)
    EXPECT_TRUE(contains(outer, name)) << name;
  // FIND has these atoms but never draws them.
  for (std::string_view never : {"starts_with_substring", "ends_with_substring", "remove_upper", "remove_uppers",
                                 "add_whitespace"})
    EXPECT_FALSE(contains(outer, never) || contains(inner, never)) << never;
}

TEST(FindStringTables, AvoidDictionary) {
  for (std::string_view outer : findStringOuterNames()) {
    EXPECT_FALSE(findStringAvoidList(outer).empty()) << outer;
    EXPECT_TRUE(findStringAvoids(outer, outer)) << outer << " may not compose with itself";
  }
  EXPECT_TRUE(findStringAvoidList("not_an_atom").empty());

  // Allowed slots of the 64 inner entries per outer, as computed from FIND's
  // source by the colleague's SAMPLING.md.
  std::map<size_t, std::set<std::string_view>> byCount;
  for (std::string_view outer : findStringOuterNames())
    byCount[allowedInnerSlots(outer)].insert(outer);
  EXPECT_EQ(byCount[42], (std::set<std::string_view>{"extract_digits", "get_string_length", "get_digit_indexes",
                                                     "get_first_character", "get_last_character",
                                                     "get_mid_character"}));
  EXPECT_EQ(byCount[44], (std::set<std::string_view>{"get_alpha_indexes"}));
  EXPECT_EQ(byCount[45], (std::set<std::string_view>{"count_vowels", "count_consonants", "count_uppercase",
                                                     "count_lowercase", "count_character_repetitions",
                                                     "count_substring"}));
  EXPECT_EQ(byCount[57], (std::set<std::string_view>{"replace_vowels_with_character", "replace_vowels_with_first",
                                                     "replace_vowels_with_last", "replace_vowels_with_mid",
                                                     "replace_vowels_with_ind_of_count"}));
  EXPECT_EQ(byCount[60], (std::set<std::string_view>{"convert_to_lowercase", "remove_digits", "remove_whitespace",
                                                     "string_strip", "string_lstrip", "string_rstrip"}));
  EXPECT_EQ(byCount[61], (std::set<std::string_view>{"convert_to_uppercase"}));
  EXPECT_EQ(byCount[62], (std::set<std::string_view>{"extract_uppers"}));
  EXPECT_EQ(byCount[63].size(), 40u);
  EXPECT_EQ(byCount[64], (std::set<std::string_view>{"map_string"}));
  size_t total = 0;
  for (const auto &[count, outers] : byCount)
    total += outers.size();
  EXPECT_EQ(total, 67u);

  // A few of FIND's intended exclusions.
  EXPECT_TRUE(findStringAvoids("convert_to_lowercase", "count_uppercase"));
  EXPECT_TRUE(findStringAvoids("remove_digits", "extract_digits"));
  EXPECT_TRUE(findStringAvoids("string_strip", "remove_whitespace"));
  EXPECT_TRUE(findStringAvoids("replace_vowels_with_mid", "count_vowels"));
  EXPECT_TRUE(findStringAvoids("get_first_character", "split_string"));
  EXPECT_TRUE(findStringAvoids("get_string_length", "string_rstrip"));
  EXPECT_TRUE(findStringAvoids("get_string_length", "add_order_to_inx"));
  EXPECT_FALSE(findStringAvoids("get_string_length", "split_string"));
}

// FIND's missing commas: Python glues two names into one that matches no
// atom, so both are allowed inners. Reproduced on purpose.
TEST(FindStringTables, GluedNamesAreIneffective) {
  const std::vector<std::string_view> kRstripGlued = {
      "get_alpha_indexes", "get_first_character", "get_last_character",          "get_mid_character",
      "count_vowels",      "count_consonants",    "count_uppercase",             "count_lowercase",
      "count_character_repetitions", "count_substring"};
  for (std::string_view outer : kRstripGlued) {
    EXPECT_TRUE(contains(findStringAvoidList(outer), "string_rstripadd_order_to_inx")) << outer;
    EXPECT_FALSE(findStringAvoids(outer, "string_rstrip")) << outer;
    EXPECT_FALSE(findStringAvoids(outer, "add_order_to_inx")) << outer;
    EXPECT_TRUE(findStringAvoids(outer, "string_strip")) << outer; // its neighbours still count
    EXPECT_TRUE(findStringAvoids(outer, "add_order_of_inx1_to_inx2")) << outer;
  }
  const std::vector<std::string_view> kIndexesGlued = {"count_vowels",    "count_consonants",
                                                       "count_uppercase", "count_lowercase",
                                                       "count_character_repetitions", "count_substring"};
  for (std::string_view outer : kIndexesGlued) {
    EXPECT_TRUE(contains(findStringAvoidList(outer), "get_digit_indexesget_alpha_indexes")) << outer;
    EXPECT_FALSE(findStringAvoids(outer, "get_digit_indexes")) << outer;
    EXPECT_FALSE(findStringAvoids(outer, "get_alpha_indexes")) << outer;
  }
  // get_alpha_indexes' own list has the two names separately.
  EXPECT_TRUE(findStringAvoids("get_alpha_indexes", "get_digit_indexes"));
}

// ---- sampling -------------------------------------------------------------------

std::vector<StringFunction> many(uint64_t seed, unsigned count = 2000) { return sampleFindStrings(count, seed); }

TEST(FindStringSampler, DeterministicPerSeed) {
  EXPECT_EQ(sampleFindStrings(300, 7), sampleFindStrings(300, 7));
  EXPECT_NE(sampleFindStrings(300, 7), sampleFindStrings(300, 8));
  EXPECT_TRUE(sampleFindStrings(0, 7).empty());
  // A longer suite with the same seed starts with the shorter one.
  std::vector<StringFunction> shortSuite = sampleFindStrings(50, 11), longSuite = sampleFindStrings(400, 11);
  ASSERT_EQ(shortSuite.size(), 50u);
  EXPECT_TRUE(std::equal(shortSuite.begin(), shortSuite.end(), longSuite.begin()));
  // Pinned: the first functions of seed 0, so that an accidental change of
  // the stream shows.
  std::vector<StringFunction> pinned = sampleFindStrings(3, 0);
  std::string text;
  for (const StringFunction &f : pinned)
    text += stringExpression(f) + "\n";
  EXPECT_EQ(text, "strings.shift_last_letter_rand(x, 23)\n"
                  "strings.duplicate_last_letter(strings.split_string(x, \"l\"))\n"
                  "strings.shift_last_letter_rand(strings.replace_vowels_with_last(x), 1)\n");
}

TEST(FindStringSampler, FunctionsAreDistinct) {
  for (uint64_t seed : {1, 2, 3}) {
    std::vector<StringFunction> functions = many(seed, 5000);
    ASSERT_EQ(functions.size(), 5000u);
    std::set<std::string> expressions;
    for (const StringFunction &f : functions)
      expressions.insert(stringExpression(f));
    EXPECT_EQ(expressions.size(), functions.size()) << "seed " << seed;
  }
  // More singles than FIND's finite single space (about 3,500 without
  // string_concatenate and map_string) still terminates, distinct.
  std::vector<StringFunction> big = many(4, 20000);
  std::set<std::string> expressions;
  for (const StringFunction &f : big)
    expressions.insert(stringExpression(f));
  EXPECT_EQ(expressions.size(), 20000u);
}

TEST(FindStringSampler, SeventyPercentCompositions) {
  size_t allComposed = 0, all = 0;
  for (uint64_t seed = 0; seed < 5; ++seed) {
    std::vector<StringFunction> functions = many(seed);
    size_t composed = std::count_if(functions.begin(), functions.end(), [](const auto &f) { return f.composed(); });
    // 2,000 draws: sd 0.0102; the bounds are about 4 sd.
    double share = static_cast<double>(composed) / static_cast<double>(functions.size());
    EXPECT_GT(share, 0.66) << "seed " << seed;
    EXPECT_LT(share, 0.74) << "seed " << seed;
    allComposed += composed;
    all += functions.size();
  }
  double share = static_cast<double>(allComposed) / static_cast<double>(all);
  EXPECT_GT(share, 0.68); // 10,000 draws: sd 0.0046
  EXPECT_LT(share, 0.72);
}

TEST(FindStringSampler, NoAvoidedPairAndIneffectiveOnesOccur) {
  size_t glued = 0;
  for (uint64_t seed = 0; seed < 3; ++seed)
    for (const StringFunction &f : many(seed)) {
      ASSERT_TRUE(f.atoms.size() == 1 || f.atoms.size() == 2);
      EXPECT_TRUE(contains(findStringOuterNames(), f.atoms[0].name)) << f.atoms[0].name;
      if (!f.composed())
        continue;
      std::string_view outer = f.atoms[0].name, inner = f.atoms[1].name;
      EXPECT_TRUE(contains(findStringInnerNames(), inner)) << inner;
      EXPECT_FALSE(findStringAvoids(outer, inner)) << outer << "(" << inner << "(x))";
      bool countOuter = outer.starts_with("count_");
      bool getCharacter = outer.starts_with("get_") && outer.ends_with("_character");
      bool rstripGlue = (countOuter || outer == "get_alpha_indexes" || getCharacter) &&
                        (inner == "string_rstrip" || inner == "add_order_to_inx");
      bool indexesGlue = countOuter && (inner == "get_digit_indexes" || inner == "get_alpha_indexes");
      glued += rstripGlue || indexesGlue;
    }
  // About 0.6% of 6,000 functions: FIND's glued names let these through.
  EXPECT_GT(glued, 5u);
}

TEST(FindStringSampler, ParametersInRange) {
  for (uint64_t seed = 0; seed < 3; ++seed)
    for (const StringFunction &f : many(seed))
      for (const StringAtom &atom : f.atoms)
        expectParamsInRange(atom);
}

// Every atom of FIND's lists but the two that draw a random index per call
// (add_order_to_inx, sub_order_to_inx), which are never drawn.
TEST(FindStringSampler, EveryAtomReachable) {
  std::map<std::string_view, size_t> outerCount, innerCount;
  for (const StringFunction &f : many(21)) {
    ++outerCount[f.atoms[0].name];
    if (f.composed())
      ++innerCount[f.atoms[1].name];
  }
  auto excluded = [](std::string_view name) { return name == "add_order_to_inx" || name == "sub_order_to_inx"; };
  for (std::string_view name : findStringOuterNames())
    if (excluded(name))
      EXPECT_EQ(outerCount.count(name), 0u) << name << " is random per call and must not be drawn";
    else
      EXPECT_GT(outerCount[name], 0u) << name << " never drawn as a single atom or an outer";
  for (std::string_view name : findStringInnerNames())
    if (excluded(name))
      EXPECT_EQ(innerCount.count(name), 0u) << name << " is random per call and must not be drawn";
    else
      EXPECT_GT(innerCount[name], 0u) << name << " never drawn as an inner";
  EXPECT_EQ(outerCount.size(), 65u);
  EXPECT_EQ(innerCount.size(), 61u);
  for (std::string_view never : {"get_first_character", "get_last_character", "get_mid_character", "map_string"})
    EXPECT_EQ(innerCount.count(never), 0u) << never;
}

// remove_digits is listed twice in FIND's inner list: twice the weight of
// an inner listed once. Counted under outers that avoid only themselves and
// have a parameter, so that neither avoid lists nor duplicate redraws (which
// hit parameterless pairs) get in the way.
TEST(FindStringSampler, RemoveDigitsHasDoubleInnerWeight) {
  std::map<std::string_view, size_t> innerCount;
  size_t compositions = 0;
  for (uint64_t seed = 0; seed < 10; ++seed)
    for (const StringFunction &f : many(seed))
      if (f.composed() && !f.atoms[0].params.empty() && findStringAvoidList(f.atoms[0].name).size() == 1) {
        ++compositions;
        ++innerCount[f.atoms[1].name];
      }
  double others = 0;
  const std::vector<std::string_view> kPlain = {"capitalize_string", "reverse_string", "remove_duplicates",
                                                "reverse_words",     "swap_first_last", "duplicate_first_letter",
                                                "reverse_vowels",    "add_len_to_string"};
  for (std::string_view name : kPlain)
    others += static_cast<double>(innerCount[name]);
  others /= static_cast<double>(kPlain.size());
  // About 170 against 85 each: the ratio's sd is about 0.17.
  double ratio = static_cast<double>(innerCount["remove_digits"]) / others;
  EXPECT_GT(ratio, 1.4) << innerCount["remove_digits"] << " vs " << others << " of " << compositions;
  EXPECT_LT(ratio, 2.7) << innerCount["remove_digits"] << " vs " << others << " of " << compositions;
}

// ---- text ------------------------------------------------------------------------

StringParam intP(int64_t n) {
  StringParam p;
  p.kind = Kind::Int;
  p.number = n;
  return p;
}

StringParam strP(std::string s) {
  StringParam p;
  p.kind = Kind::Str;
  p.text = std::move(s);
  return p;
}

StringParam mapP(std::string_view image) {
  StringParam p;
  p.kind = Kind::Map;
  std::copy(image.begin(), image.end(), p.mapping.begin());
  return p;
}

TEST(FindStringText, Names) {
  StringFunction f{{StringAtom{"advance_by_character_order", {intP(5)}}, StringAtom{"get_string_length", {}}}};
  EXPECT_EQ(findStringName(f), "advance_by_character_order;get_string_length;compose_1input_1input(5, ())");
  EXPECT_EQ(describeStringFunction(f), "advance_by_character_order(get_string_length(x), 5)");
  EXPECT_EQ(stringExpression(f), "strings.advance_by_character_order(strings.get_string_length(x), 5)");
  EXPECT_EQ(findStringName({{StringAtom{"convert_to_lowercase", {}}}}), "convert_to_lowercase(())");
  EXPECT_EQ(findStringName({{StringAtom{"swap_rand", {intP(3), intP(7)}}}}), "swap_rand((3, 7))");
  EXPECT_EQ(findStringName({{StringAtom{"split_string", {strP("a")}}}}), "split_string(a)");
  StringFunction replace{{StringAtom{"reverse_string", {}}, StringAtom{"replace_substring", {strP("a"), strP("B")}}}};
  EXPECT_EQ(findStringName(replace), "reverse_string;replace_substring;compose_1input_1input((), ('a', 'B'))");
  EXPECT_EQ(stringExpression(replace, "s"), "strings.reverse_string(strings.replace_substring(s, \"a\", \"B\"))");
  StringFunction map{{StringAtom{"map_string", {mapP("bcdefghijklmnopqrstuvwxyza")}}}};
  std::string name = findStringName(map);
  EXPECT_TRUE(name.starts_with("map_string({'a': 'b', 'b': 'c', ")) << name;
  EXPECT_TRUE(name.ends_with(", 'z': 'a'})")) << name;
  std::string expr = stringExpression(map);
  EXPECT_TRUE(expr.starts_with("strings.map_string(x, {\"a\": \"b\", \"b\": \"c\", ")) << expr;
  EXPECT_TRUE(expr.ends_with(", \"z\": \"a\"})")) << expr;
  EXPECT_EQ(std::count(expr.begin(), expr.end(), ':'), 26);
  EXPECT_EQ(describeStringFunction(map), "map_string(x, a..z -> bcdefghijklmnopqrstuvwxyza)");
}

TEST(FindStringText, Literals) {
  EXPECT_EQ(stringLiteral("abc"), "\"abc\"");
  EXPECT_EQ(stringLiteral(""), "\"\"");
  EXPECT_EQ(stringLiteral("a\"b\\c\nd\te\x01\x7f"), "\"a\\\"b\\\\c\\nd\\te\\x01\\x7f\"");
  EXPECT_EQ(stringLiteral("caf\xc3\xa9"), "\"caf\xc3\xa9\""); // UTF-8 as it is
}

TEST(FindStringText, Suite) {
  std::vector<StringFunction> functions = {
      {{StringAtom{"reverse_string", {}}, StringAtom{"count_vowels", {}}}},
      {{StringAtom{"add_number_to_string", {intP(3)}}}},
  };
  std::string text = writeFindStringSuite(functions, "a test", "Test");
  EXPECT_TRUE(text.starts_with("# FIND string functions as a findc suite, written by `findc suite` from\n# a test.\n"))
      << text;
  EXPECT_NE(text.find("\n## Test s00000: reverse_string(count_vowels(x)), FIND's "
                      "reverse_string;count_vowels;compose_1input_1input((), ()).\n"
                      "bench s00000(x: str) = strings.reverse_string(strings.count_vowels(x))\n"
                      "    category \"string composition\"\n"),
            std::string::npos)
      << text;
  EXPECT_TRUE(text.ends_with("\n## Test s00001: add_number_to_string(x, 3), FIND's add_number_to_string(3).\n"
                             "bench s00001(x: str) = strings.add_number_to_string(x, 3)\n"
                             "    category \"string atom\"\n"))
      << text;
}

} // namespace
