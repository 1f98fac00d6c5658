// FIND's string-function sampler in C++ (multimodal-interpretability/FIND,
// src/make_functions/make_strings: generate_string_functions.py and
// string_functions.py's sample / sample_compose / sample_single_f /
// check_exist), producing new string suites with FIND's distribution, written
// as findc benches over stdlib/strings.fnd (`strings.NAME`, FIND's atom names
// and parameter orders, the string first).
//
// What FIND's driver does for each function, and what this port does:
// - The coin: random() > ratio (0.3) -> a composition (probability 0.7),
//   else one atom (0.3). The coin is tossed once per function; duplicates are
//   redrawn inside the chosen branch, as FIND does.
// - One atom: the name uniform over FIND's outer list (67 names, all
//   distinct), then its parameters (below).
// - A composition (compose_1input_1input, the only form FIND draws):
//   outer(inner(x)). The outer is drawn from the outer list; then the inner
//   is drawn from FIND's inner list (64 entries: the outer list without
//   get_first/last/mid_character and map_string, with remove_digits listed
//   twice, so it has weight 2/64) and redrawn, with fresh parameters, until
//   it is not in FIND's avoid list for the outer. The outer is kept.
// - The avoid lists are FIND's as Python evaluates them. Several of FIND's
//   lists miss a comma between two names, which Python glues into one name
//   that matches nothing: "string_rstrip" "add_order_to_inx" in the lists of
//   get_alpha_indexes, get_first/last/mid_character and the six count_*
//   outers (count_vowels, count_consonants, count_uppercase, count_lowercase,
//   count_character_repetitions, count_substring), and "get_digit_indexes"
//   "get_alpha_indexes" in the six count_* lists. Those inners are therefore
//   NOT avoided there, and this port reproduces that (the tables hold the
//   glued names).
// - Parameters (Python's random in FIND, ranges inclusive):
//   randint(1, 9) for add_number_to_string, subtract_number_to_string,
//   insert_number, add_number_to_middle, subtract_middle_character,
//   advance_by_character_order, substract_by_character_order;
//   one ASCII letter (a-zA-Z) for add_letter_if_needed, insert_letter,
//   count_character_repetitions, split_string, count_substring, find_string,
//   remove_substring, replace_vowels_with_character;
//   1..5 ASCII letters for string_concatenate;
//   two distinct ASCII letters (old, new) for replace_substring;
//   two distinct indices in 0..9 for swap_rand, add_order_of_inx1_to_inx2,
//   sub_order_of_inx1_to_inx2;
//   randint(0, 25) for the four shift_*_rand atoms;
//   a Fisher-Yates shuffle of a..z (random.shuffle; fixed points possible)
//   for map_string; nothing for the rest.
// - Duplicates. FIND's check_exist rejects a single atom whose name and
//   parameters were already drawn, but a composition only when BOTH parts
//   are parameterless and the same pair was drawn (its parameter comparison
//   compares against the stored [p1, p2] pair, so it never matches when a
//   part has a parameter): FIND's compositions with parameters can repeat.
//   This port defines a duplicate as the same atom names in the same
//   positions with the same parameters (for a composition: the same outer,
//   the same inner, and both parameter lists equal) and redraws it, for
//   singles and compositions alike: a suite never holds two identical
//   functions. Behaviourally equal but differently named functions (FIND's
//   sub_order_of_inx1_to_inx2 computes add_order_of_inx1_to_inx2) are not
//   duplicates, as in FIND.
// - Not reproduced: FIND's check_list.json persistence across runs.
//   add_order_to_inx and sub_order_to_inx pick a random index on every call
//   in FIND; they are drawn as FIND draws them, and what they compute is
//   stdlib/strings.fnd's business.
//
// Randomness: FIND never seeds its generators (Python's random for the coin
// and parameters, numpy's global RandomState for names), so its released
// files cannot be reproduced; this port reproduces the distribution. All
// draws come from one std::mt19937_64 seeded with the seed (its output
// sequence is fixed by the C++ standard); integers in [0, n) by rejection
// (unbiased, no std::uniform_int_distribution, whose algorithm is
// implementation-defined), the coin from the top 53 bits. The result is a
// pure function of (count, seed), identical on every platform. Function i
// depends on the draws of functions 0..i-1 (duplicate checks), so a longer
// suite with the same seed starts with the shorter one.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace findc::suite {

// One parameter of an atom, after the string.
struct StringParam {
  enum class Kind : uint8_t { Int, Str, Map };
  Kind kind = Kind::Int;
  int64_t number = 0;              // Int
  std::string text;                // Str
  std::array<char, 26> mapping{};  // Map: mapping[i] is the image of 'a' + i

  bool operator==(const StringParam &) const = default;
};

struct StringAtom {
  std::string_view name; // one of FIND's names (static storage)
  std::vector<StringParam> params;

  bool operator==(const StringAtom &) const = default;
};

struct StringFunction {
  // One atom, or {outer, inner} for outer(inner(x)).
  std::vector<StringAtom> atoms;

  bool composed() const { return atoms.size() == 2; }
  bool operator==(const StringFunction &) const = default;
};

// `count` functions; a pure function of (count, seed). Identical functions
// are never drawn twice (see above).
std::vector<StringFunction> sampleFindStrings(unsigned count, uint64_t seed);

// FIND's data.json `name` (create_string): "add_number_to_string(3)",
// "swap_rand((3, 7))", "convert_to_lowercase(())",
// "advance_by_character_order;get_string_length;compose_1input_1input(5, ())".
std::string findStringName(const StringFunction &function);

// A readable form: "reverse_string(count_vowels(x))", "add_number_to_string(x, 3)".
std::string describeStringFunction(const StringFunction &function);

// The findc expression of the function of `x`:
// "strings.reverse_string(strings.count_vowels(x))".
std::string stringExpression(const StringFunction &function, std::string_view x = "x");

// A findc string literal: "..." with \\ \" \n \t \r and \xNN for other
// control bytes; other bytes (UTF-8) as they are.
std::string stringLiteral(std::string_view text);

// The suite text: a header comment naming `origin`, then one bench per
// function, s00000 ..., each with a `## {label} sNNNNN: ...` description and
// a category ("string atom" or "string composition").
std::string writeFindStringSuite(const std::vector<StringFunction> &functions, const std::string &origin,
                                 const std::string &label);

// FIND's tables, for tests and documentation.
std::span<const std::string_view> findStringOuterNames(); // 67, single atoms and outers
std::span<const std::string_view> findStringInnerNames(); // 64 entries, remove_digits twice
// FIND's avoid list for an outer, as Python evaluates it (glued names
// included); empty for a name that is not an outer.
std::span<const std::string_view> findStringAvoidList(std::string_view outer);
// Whether FIND's sample_compose rejects `inner` under `outer`.
bool findStringAvoids(std::string_view outer, std::string_view inner);

} // namespace findc::suite
