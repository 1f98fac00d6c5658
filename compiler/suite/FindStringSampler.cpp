// FIND's string sampler in C++: see FindStringSampler.h for what FIND does
// and where this port departs from it.
#include "compiler/suite/FindStringSampler.h"

#include <fmt/core.h>

#include <algorithm>
#include <limits>
#include <random>
#include <unordered_set>

namespace findc::suite {
namespace {

// ---- FIND's tables (string_functions.py, sample_single_f and sample_compose),
// names only. Lists keep FIND's order and duplicates: the order decides which
// draw picks which entry, a duplicate doubles a name's weight.
//
// The avoid lists are as Python evaluates FIND's source: where FIND misses a
// comma between two names, Python glues them into one string that matches no
// atom, so neither name is avoided. Those entries are kept glued here
// ("string_rstripadd_order_to_inx", "get_digit_indexesget_alpha_indexes") and
// are deliberately ineffective. Duplicated entries (extract_digits twice in
// several lists) are kept too; they change nothing.

// FIND's outer list (sample_single_f, not_composed=True), in FIND's order.
constexpr std::array<std::string_view, 67> kOuterNames = {
    "convert_to_lowercase", "convert_to_uppercase", "capitalize_string", "reverse_string",
    "reverse_string_first_half", "reverse_string_last_half", "extract_digits", "remove_digits",
    "extract_uppers", "remove_whitespace", "get_string_length", "get_digit_indexes", "get_alpha_indexes",
    "get_first_character", "get_last_character", "get_mid_character", "remove_duplicates", "reverse_words",
    "count_vowels", "replace_vowels_with_character", "replace_vowels_with_first", "replace_vowels_with_last",
    "replace_vowels_with_mid", "replace_vowels_with_ind_of_count", "reverse_vowels",
    "capitalize_alternating_letters", "count_consonants", "count_uppercase", "count_lowercase",
    "count_character_repetitions", "string_strip", "string_lstrip", "string_rstrip", "add_number_to_string",
    "advance_by_character_order", "substract_by_character_order", "add_len_to_string", "add_number_to_middle",
    "add_len_to_middle", "add_order_to_inx", "add_order_of_inx1_to_inx2", "sub_order_to_inx",
    "sub_order_of_inx1_to_inx2", "subtract_number_to_string", "subtract_middle_character", "insert_number",
    "add_letter_if_needed", "insert_letter", "split_string", "string_concatenate", "count_substring",
    "find_string", "remove_substring", "duplicate_first_letter", "duplicate_last_letter",
    "duplicate_mid_letter", "swap_first_last", "swap_rand", "map_string", "get_first_character_ordinality",
    "get_last_character_ordinality", "get_mid_character_ordinality", "replace_substring",
    "shift_last_letter_rand", "shift_first_letter_rand", "shift_last_letter_predecessor_rand",
    "shift_first_letter_predecessor_rand"};

// FIND's inner list (not_composed=False), in FIND's order: remove_digits twice.
constexpr std::array<std::string_view, 64> kInnerNames = {
    "convert_to_lowercase", "convert_to_uppercase", "capitalize_string", "reverse_string",
    "reverse_string_first_half", "reverse_string_last_half", "extract_digits", "remove_digits", "remove_digits",
    "extract_uppers", "remove_whitespace", "get_string_length", "get_digit_indexes", "get_alpha_indexes",
    "remove_duplicates", "reverse_words", "count_vowels", "replace_vowels_with_character",
    "replace_vowels_with_first", "replace_vowels_with_last", "replace_vowels_with_mid",
    "replace_vowels_with_ind_of_count", "reverse_vowels", "capitalize_alternating_letters", "count_consonants",
    "count_uppercase", "count_lowercase", "count_character_repetitions", "string_strip", "string_lstrip",
    "string_rstrip", "add_number_to_string", "advance_by_character_order", "substract_by_character_order",
    "add_len_to_string", "add_number_to_middle", "add_len_to_middle", "add_order_to_inx",
    "add_order_of_inx1_to_inx2", "sub_order_to_inx", "sub_order_of_inx1_to_inx2", "subtract_number_to_string",
    "subtract_middle_character", "insert_number", "add_letter_if_needed", "insert_letter", "split_string",
    "string_concatenate", "count_substring", "find_string", "remove_substring", "duplicate_first_letter",
    "duplicate_last_letter", "duplicate_mid_letter", "swap_first_last", "swap_rand",
    "get_first_character_ordinality", "get_last_character_ordinality", "get_mid_character_ordinality",
    "replace_substring", "shift_last_letter_rand", "shift_first_letter_rand",
    "shift_last_letter_predecessor_rand", "shift_first_letter_predecessor_rand"};

constexpr std::array<std::string_view, 4> kAvoid0 = { // convert_to_lowercase
    "convert_to_lowercase", "convert_to_uppercase", "extract_uppers", "count_uppercase"};
constexpr std::array<std::string_view, 3> kAvoid1 = { // convert_to_uppercase
    "convert_to_uppercase", "convert_to_lowercase", "count_lowercase"};
constexpr std::array<std::string_view, 1> kAvoid2 = { // capitalize_string
    "capitalize_string"};
constexpr std::array<std::string_view, 1> kAvoid3 = { // reverse_string
    "reverse_string"};
constexpr std::array<std::string_view, 1> kAvoid4 = { // reverse_string_first_half
    "reverse_string_first_half"};
constexpr std::array<std::string_view, 1> kAvoid5 = { // reverse_string_last_half
    "reverse_string_last_half"};
constexpr std::array<std::string_view, 23> kAvoid6 = { // extract_digits
    "extract_digits", "get_alpha_indexes", "get_string_length", "convert_to_lowercase", "extract_digits",
    "remove_digits", "get_digit_indexes", "count_vowels", "replace_vowels_with_ind_of_count",
    "count_consonants", "count_uppercase", "count_lowercase", "string_strip", "string_lstrip", "string_rstrip",
    "add_order_to_inx", "add_order_of_inx1_to_inx2", "sub_order_to_inx", "sub_order_of_inx1_to_inx2",
    "find_string", "map_string", "count_substring", "count_character_repetitions"};
constexpr std::array<std::string_view, 3> kAvoid7 = { // remove_digits
    "remove_digits", "get_digit_indexes", "extract_digits"};
constexpr std::array<std::string_view, 2> kAvoid8 = { // extract_uppers
    "extract_uppers", "count_lowercase"};
constexpr std::array<std::string_view, 4> kAvoid9 = { // remove_whitespace
    "remove_whitespace", "string_strip", "string_lstrip", "string_rstrip"};
constexpr std::array<std::string_view, 22> kAvoid10 = { // get_string_length
    "get_string_length", "convert_to_lowercase", "extract_digits", "remove_digits", "get_digit_indexes",
    "get_alpha_indexes", "count_vowels", "replace_vowels_with_ind_of_count", "count_consonants",
    "count_uppercase", "count_lowercase", "string_strip", "string_lstrip", "string_rstrip", "add_order_to_inx",
    "add_order_of_inx1_to_inx2", "sub_order_to_inx", "sub_order_of_inx1_to_inx2", "find_string", "map_string",
    "count_substring", "count_character_repetitions"};
constexpr std::array<std::string_view, 22> kAvoid11 = { // get_digit_indexes
    "get_digit_indexes", "get_string_length", "convert_to_lowercase", "extract_digits", "remove_digits",
    "get_alpha_indexes", "count_vowels", "replace_vowels_with_ind_of_count", "count_consonants",
    "count_uppercase", "count_lowercase", "string_strip", "string_lstrip", "string_rstrip", "add_order_to_inx",
    "add_order_of_inx1_to_inx2", "sub_order_to_inx", "sub_order_of_inx1_to_inx2", "find_string", "map_string",
    "count_substring", "count_character_repetitions"};
constexpr std::array<std::string_view, 22> kAvoid12 = { // get_alpha_indexes
    "extract_digits", "get_string_length", "convert_to_lowercase", "extract_digits", "remove_digits",
    "get_digit_indexes", "get_alpha_indexes", "count_vowels", "replace_vowels_with_ind_of_count",
    "count_consonants", "count_uppercase", "count_lowercase", "string_strip", "string_lstrip",
    "string_rstripadd_order_to_inx", "add_order_of_inx1_to_inx2", "sub_order_to_inx",
    "sub_order_of_inx1_to_inx2", "find_string", "map_string", "count_substring", "count_character_repetitions"};
constexpr std::array<std::string_view, 24> kAvoid13 = { // get_first_character
    "get_first_character", "get_string_length", "convert_to_lowercase", "extract_digits", "remove_digits",
    "get_digit_indexes", "get_alpha_indexes", "count_vowels", "replace_vowels_with_ind_of_count",
    "count_consonants", "count_uppercase", "count_lowercase", "string_strip", "string_lstrip",
    "string_rstripadd_order_to_inx", "add_order_of_inx1_to_inx2", "sub_order_to_inx",
    "sub_order_of_inx1_to_inx2", "find_string", "map_string", "count_substring", "split_string",
    "remove_substring", "count_character_repetitions"};
constexpr std::array<std::string_view, 24> kAvoid14 = { // get_last_character
    "get_last_character", "get_string_length", "convert_to_lowercase", "extract_digits", "remove_digits",
    "get_digit_indexes", "get_alpha_indexes", "count_vowels", "replace_vowels_with_ind_of_count",
    "count_consonants", "count_uppercase", "count_lowercase", "string_strip", "string_lstrip",
    "string_rstripadd_order_to_inx", "add_order_of_inx1_to_inx2", "sub_order_to_inx",
    "sub_order_of_inx1_to_inx2", "find_string", "map_string", "count_substring", "split_string",
    "remove_substring", "count_character_repetitions"};
constexpr std::array<std::string_view, 24> kAvoid15 = { // get_mid_character
    "get_mid_character", "get_string_length", "convert_to_lowercase", "extract_digits", "remove_digits",
    "get_digit_indexes", "get_alpha_indexes", "count_vowels", "replace_vowels_with_ind_of_count",
    "count_consonants", "count_uppercase", "count_lowercase", "string_strip", "string_lstrip",
    "string_rstripadd_order_to_inx", "add_order_of_inx1_to_inx2", "sub_order_to_inx",
    "sub_order_of_inx1_to_inx2", "find_string", "map_string", "count_substring", "split_string",
    "remove_substring", "count_character_repetitions"};
constexpr std::array<std::string_view, 1> kAvoid16 = { // remove_duplicates
    "remove_duplicates"};
constexpr std::array<std::string_view, 1> kAvoid17 = { // reverse_words
    "reverse_words"};
constexpr std::array<std::string_view, 22> kAvoid18 = { // count_vowels
    "replace_vowels_with_character", "extract_digits", "get_string_length", "convert_to_lowercase",
    "extract_digits", "remove_digits", "get_digit_indexesget_alpha_indexes", "count_vowels",
    "replace_vowels_with_ind_of_count", "count_consonants", "count_uppercase", "count_lowercase",
    "string_strip", "string_lstrip", "string_rstripadd_order_to_inx", "add_order_of_inx1_to_inx2",
    "sub_order_to_inx", "sub_order_of_inx1_to_inx2", "find_string", "map_string", "count_substring",
    "count_character_repetitions"};
constexpr std::array<std::string_view, 7> kAvoid19 = { // replace_vowels_with_character
    "replace_vowels_with_character", "replace_vowels_with_first", "replace_vowels_with_last",
    "replace_vowels_with_mid", "replace_vowels_with_ind_of_count", "reverse_vowels", "count_vowels"};
constexpr std::array<std::string_view, 7> kAvoid20 = { // replace_vowels_with_first
    "replace_vowels_with_character", "replace_vowels_with_first", "replace_vowels_with_last",
    "replace_vowels_with_mid", "replace_vowels_with_ind_of_count", "reverse_vowels", "count_vowels"};
constexpr std::array<std::string_view, 7> kAvoid21 = { // replace_vowels_with_last
    "replace_vowels_with_character", "replace_vowels_with_first", "replace_vowels_with_last",
    "replace_vowels_with_mid", "replace_vowels_with_ind_of_count", "reverse_vowels", "count_vowels"};
constexpr std::array<std::string_view, 7> kAvoid22 = { // replace_vowels_with_mid
    "replace_vowels_with_character", "replace_vowels_with_first", "replace_vowels_with_last",
    "replace_vowels_with_mid", "replace_vowels_with_ind_of_count", "reverse_vowels", "count_vowels"};
constexpr std::array<std::string_view, 7> kAvoid23 = { // replace_vowels_with_ind_of_count
    "replace_vowels_with_character", "replace_vowels_with_first", "replace_vowels_with_last",
    "replace_vowels_with_mid", "replace_vowels_with_ind_of_count", "reverse_vowels", "count_vowels"};
constexpr std::array<std::string_view, 1> kAvoid24 = { // reverse_vowels
    "reverse_vowels"};
constexpr std::array<std::string_view, 1> kAvoid25 = { // capitalize_alternating_letters
    "capitalize_alternating_letters"};
constexpr std::array<std::string_view, 22> kAvoid26 = { // count_consonants
    "replace_vowels_with_character", "extract_digits", "get_string_length", "convert_to_lowercase",
    "extract_digits", "remove_digits", "get_digit_indexesget_alpha_indexes", "count_vowels",
    "replace_vowels_with_ind_of_count", "count_consonants", "count_uppercase", "count_lowercase",
    "string_strip", "string_lstrip", "string_rstripadd_order_to_inx", "add_order_of_inx1_to_inx2",
    "sub_order_to_inx", "sub_order_of_inx1_to_inx2", "find_string", "map_string", "count_substring",
    "count_character_repetitions"};
constexpr std::array<std::string_view, 22> kAvoid27 = { // count_uppercase
    "replace_vowels_with_character", "extract_digits", "get_string_length", "convert_to_lowercase",
    "extract_digits", "remove_digits", "get_digit_indexesget_alpha_indexes", "count_vowels",
    "replace_vowels_with_ind_of_count", "count_consonants", "count_uppercase", "count_lowercase",
    "string_strip", "string_lstrip", "string_rstripadd_order_to_inx", "add_order_of_inx1_to_inx2",
    "sub_order_to_inx", "sub_order_of_inx1_to_inx2", "find_string", "map_string", "count_substring",
    "count_character_repetitions"};
constexpr std::array<std::string_view, 22> kAvoid28 = { // count_lowercase
    "replace_vowels_with_character", "extract_digits", "get_string_length", "convert_to_lowercase",
    "extract_digits", "remove_digits", "get_digit_indexesget_alpha_indexes", "count_vowels",
    "replace_vowels_with_ind_of_count", "count_consonants", "count_uppercase", "count_lowercase",
    "string_strip", "string_lstrip", "string_rstripadd_order_to_inx", "add_order_of_inx1_to_inx2",
    "sub_order_to_inx", "sub_order_of_inx1_to_inx2", "find_string", "map_string", "count_substring",
    "count_character_repetitions"};
constexpr std::array<std::string_view, 22> kAvoid29 = { // count_character_repetitions
    "count_character_repetitions", "replace_vowels_with_character", "extract_digits", "get_string_length",
    "convert_to_lowercase", "extract_digits", "remove_digits", "get_digit_indexesget_alpha_indexes",
    "count_vowels", "replace_vowels_with_ind_of_count", "count_consonants", "count_uppercase",
    "count_lowercase", "string_strip", "string_lstrip", "string_rstripadd_order_to_inx",
    "add_order_of_inx1_to_inx2", "sub_order_to_inx", "sub_order_of_inx1_to_inx2", "find_string", "map_string",
    "count_substring"};
constexpr std::array<std::string_view, 4> kAvoid30 = { // string_strip
    "remove_whitespace", "string_strip", "string_lstrip", "string_rstrip"};
constexpr std::array<std::string_view, 4> kAvoid31 = { // string_lstrip
    "remove_whitespace", "string_strip", "string_lstrip", "string_rstrip"};
constexpr std::array<std::string_view, 4> kAvoid32 = { // string_rstrip
    "remove_whitespace", "string_strip", "string_lstrip", "string_rstrip"};
constexpr std::array<std::string_view, 1> kAvoid33 = { // add_number_to_string
    "add_number_to_string"};
constexpr std::array<std::string_view, 1> kAvoid34 = { // advance_by_character_order
    "advance_by_character_order"};
constexpr std::array<std::string_view, 1> kAvoid35 = { // substract_by_character_order
    "substract_by_character_order"};
constexpr std::array<std::string_view, 1> kAvoid36 = { // add_len_to_string
    "add_len_to_string"};
constexpr std::array<std::string_view, 1> kAvoid37 = { // add_number_to_middle
    "add_number_to_middle"};
constexpr std::array<std::string_view, 1> kAvoid38 = { // add_len_to_middle
    "add_len_to_middle"};
constexpr std::array<std::string_view, 1> kAvoid39 = { // add_order_to_inx
    "add_order_to_inx"};
constexpr std::array<std::string_view, 1> kAvoid40 = { // add_order_of_inx1_to_inx2
    "add_order_of_inx1_to_inx2"};
constexpr std::array<std::string_view, 1> kAvoid41 = { // sub_order_to_inx
    "sub_order_to_inx"};
constexpr std::array<std::string_view, 1> kAvoid42 = { // sub_order_of_inx1_to_inx2
    "sub_order_of_inx1_to_inx2"};
constexpr std::array<std::string_view, 1> kAvoid43 = { // subtract_number_to_string
    "subtract_number_to_string"};
constexpr std::array<std::string_view, 1> kAvoid44 = { // subtract_middle_character
    "subtract_middle_character"};
constexpr std::array<std::string_view, 1> kAvoid45 = { // insert_number
    "insert_number"};
constexpr std::array<std::string_view, 1> kAvoid46 = { // add_letter_if_needed
    "add_letter_if_needed"};
constexpr std::array<std::string_view, 1> kAvoid47 = { // insert_letter
    "insert_letter"};
constexpr std::array<std::string_view, 1> kAvoid48 = { // split_string
    "split_string"};
constexpr std::array<std::string_view, 1> kAvoid49 = { // string_concatenate
    "string_concatenate"};
constexpr std::array<std::string_view, 22> kAvoid50 = { // count_substring
    "count_substring", "replace_vowels_with_character", "extract_digits", "get_string_length",
    "convert_to_lowercase", "extract_digits", "remove_digits", "get_digit_indexesget_alpha_indexes",
    "count_vowels", "replace_vowels_with_ind_of_count", "count_consonants", "count_uppercase",
    "count_lowercase", "string_strip", "string_lstrip", "string_rstripadd_order_to_inx",
    "add_order_of_inx1_to_inx2", "sub_order_to_inx", "sub_order_of_inx1_to_inx2", "find_string", "map_string",
    "count_character_repetitions"};
constexpr std::array<std::string_view, 1> kAvoid51 = { // find_string
    "find_string"};
constexpr std::array<std::string_view, 1> kAvoid52 = { // remove_substring
    "remove_substring"};
constexpr std::array<std::string_view, 1> kAvoid53 = { // duplicate_first_letter
    "duplicate_first_letter"};
constexpr std::array<std::string_view, 1> kAvoid54 = { // duplicate_last_letter
    "duplicate_last_letter"};
constexpr std::array<std::string_view, 1> kAvoid55 = { // duplicate_mid_letter
    "duplicate_mid_letter"};
constexpr std::array<std::string_view, 1> kAvoid56 = { // swap_first_last
    "swap_first_last"};
constexpr std::array<std::string_view, 1> kAvoid57 = { // swap_rand
    "swap_rand"};
constexpr std::array<std::string_view, 1> kAvoid58 = { // map_string
    "map_string"};
constexpr std::array<std::string_view, 1> kAvoid59 = { // get_first_character_ordinality
    "get_first_character_ordinality"};
constexpr std::array<std::string_view, 1> kAvoid60 = { // get_last_character_ordinality
    "get_last_character_ordinality"};
constexpr std::array<std::string_view, 1> kAvoid61 = { // get_mid_character_ordinality
    "get_mid_character_ordinality"};
constexpr std::array<std::string_view, 1> kAvoid62 = { // replace_substring
    "replace_substring"};
constexpr std::array<std::string_view, 1> kAvoid63 = { // shift_last_letter_rand
    "shift_last_letter_rand"};
constexpr std::array<std::string_view, 1> kAvoid64 = { // shift_first_letter_rand
    "shift_first_letter_rand"};
constexpr std::array<std::string_view, 1> kAvoid65 = { // shift_last_letter_predecessor_rand
    "shift_last_letter_predecessor_rand"};
constexpr std::array<std::string_view, 1> kAvoid66 = { // shift_first_letter_predecessor_rand
    "shift_first_letter_predecessor_rand"};

// FIND's func2_avoid_dict, keyed like kOuterNames (same order).
constexpr std::array<std::span<const std::string_view>, 67> kAvoidLists = {
    kAvoid0, kAvoid1, kAvoid2, kAvoid3, kAvoid4, kAvoid5, kAvoid6, kAvoid7, kAvoid8,
    kAvoid9, kAvoid10, kAvoid11, kAvoid12, kAvoid13, kAvoid14, kAvoid15, kAvoid16, kAvoid17,
    kAvoid18, kAvoid19, kAvoid20, kAvoid21, kAvoid22, kAvoid23, kAvoid24, kAvoid25, kAvoid26,
    kAvoid27, kAvoid28, kAvoid29, kAvoid30, kAvoid31, kAvoid32, kAvoid33, kAvoid34, kAvoid35,
    kAvoid36, kAvoid37, kAvoid38, kAvoid39, kAvoid40, kAvoid41, kAvoid42, kAvoid43, kAvoid44,
    kAvoid45, kAvoid46, kAvoid47, kAvoid48, kAvoid49, kAvoid50, kAvoid51, kAvoid52, kAvoid53,
    kAvoid54, kAvoid55, kAvoid56, kAvoid57, kAvoid58, kAvoid59, kAvoid60, kAvoid61, kAvoid62,
    kAvoid63, kAvoid64, kAvoid65, kAvoid66};

std::span<const std::string_view> avoidListOf(std::string_view outer) {
  auto it = std::find(kOuterNames.begin(), kOuterNames.end(), outer);
  if (it == kOuterNames.end())
    return {};
  return kAvoidLists[static_cast<size_t>(it - kOuterNames.begin())];
}

// ---- parameters -------------------------------------------------------------

enum class ParamRule : uint8_t {
  None,        // ()
  Digit,       // randint(1, 9)
  Letter,      // one of string.ascii_letters
  Letters,     // randint(1, 5) ascii letters (string_concatenate)
  LetterPair,  // (old, new), distinct letters (replace_substring)
  IndexPair,   // (inx1, inx2), distinct, each randint(0, 9)
  Shift,       // randint(0, 25)
  Permutation, // random.shuffle of a..z (map_string)
};

ParamRule ruleOf(std::string_view name) {
  static constexpr std::string_view kDigit[] = {"add_number_to_string",       "subtract_number_to_string",
                                                "insert_number",              "add_number_to_middle",
                                                "subtract_middle_character",  "advance_by_character_order",
                                                "substract_by_character_order"};
  // FIND's single-letter lists: the `letter`, the `character` (split_string)
  // and the length-randint(1, 1) `substring` branches.
  static constexpr std::string_view kLetter[] = {
      "add_letter_if_needed", "insert_letter",   "count_character_repetitions", "split_string",
      "count_substring",      "find_string",     "remove_substring",            "starts_with_substring",
      "ends_with_substring",  "replace_vowels_with_character"};
  static constexpr std::string_view kIndexPair[] = {"swap_rand", "add_order_of_inx1_to_inx2",
                                                    "sub_order_of_inx1_to_inx2"};
  static constexpr std::string_view kShift[] = {"shift_last_letter_rand", "shift_first_letter_rand",
                                                "shift_last_letter_predecessor_rand",
                                                "shift_first_letter_predecessor_rand"};
  auto in = [&](const auto &list) { return std::find(std::begin(list), std::end(list), name) != std::end(list); };
  if (in(kDigit))
    return ParamRule::Digit;
  if (in(kLetter))
    return ParamRule::Letter;
  if (in(kIndexPair))
    return ParamRule::IndexPair;
  if (in(kShift))
    return ParamRule::Shift;
  if (name == "string_concatenate")
    return ParamRule::Letters;
  if (name == "replace_substring")
    return ParamRule::LetterPair;
  if (name == "map_string")
    return ParamRule::Permutation;
  return ParamRule::None;
}

constexpr std::string_view kAsciiLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

class Draws {
public:
  explicit Draws(uint64_t seed) : engine_(seed) {}

  // A uniform integer in [0, n), by rejection: unbiased and the same on
  // every platform.
  uint64_t below(uint64_t n) {
    uint64_t limit = std::numeric_limits<uint64_t>::max() - std::numeric_limits<uint64_t>::max() % n;
    for (;;) {
      uint64_t r = engine_();
      if (r < limit)
        return r % n;
    }
  }
  // random.randint(lo, hi), both ends included.
  int64_t randint(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo + 1)));
  }
  // random.random(): 53 random bits in [0, 1).
  double random() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  char letter() { return kAsciiLetters[below(kAsciiLetters.size())]; }
  template <size_t N> std::string_view choice(const std::array<std::string_view, N> &list) { return list[below(N)]; }

private:
  std::mt19937_64 engine_;
};

StringParam intParam(int64_t n) {
  StringParam p;
  p.kind = StringParam::Kind::Int;
  p.number = n;
  return p;
}

StringParam strParam(std::string text) {
  StringParam p;
  p.kind = StringParam::Kind::Str;
  p.text = std::move(text);
  return p;
}

// sample_single_f's parameters for `name`, drawn in FIND's order.
std::vector<StringParam> drawParams(std::string_view name, Draws &draws) {
  switch (ruleOf(name)) {
  case ParamRule::None:
    return {};
  case ParamRule::Digit:
    return {intParam(draws.randint(1, 9))};
  case ParamRule::Letter:
    return {strParam(std::string(1, draws.letter()))};
  case ParamRule::Letters: {
    std::string text;
    for (int64_t i = 0, n = draws.randint(1, 5); i < n; ++i)
      text += draws.letter();
    return {strParam(std::move(text))};
  }
  case ParamRule::LetterPair:
    for (;;) {
      char old = draws.letter(), replacement = draws.letter();
      if (old != replacement)
        return {strParam(std::string(1, old)), strParam(std::string(1, replacement))};
    }
  case ParamRule::IndexPair:
    for (;;) {
      int64_t a = draws.randint(0, 9), b = draws.randint(0, 9);
      if (a != b)
        return {intParam(a), intParam(b)};
    }
  case ParamRule::Shift:
    return {intParam(draws.randint(0, 25))};
  case ParamRule::Permutation: {
    // random.shuffle: for i in reversed(range(1, n)): j = randbelow(i + 1).
    StringParam p;
    p.kind = StringParam::Kind::Map;
    for (size_t i = 0; i < 26; ++i)
      p.mapping[i] = static_cast<char>('a' + i);
    for (size_t i = 25; i > 0; --i)
      std::swap(p.mapping[i], p.mapping[draws.below(i + 1)]);
    return {p};
  }
  }
  return {};
}

StringAtom drawAtom(std::string_view name, Draws &draws) { return StringAtom{name, drawParams(name, draws)}; }

// ---- text ----------------------------------------------------------------------

// Python's repr of an ASCII-letter string (all FIND draws): '...'.
std::string pyRepr(const std::string &text) { return "'" + text + "'"; }

// str() of FIND's params object for an atom: () for none, the bare value for
// one (a str without quotes, an int, a dict's repr), a tuple's repr for two.
std::string pyStr(const StringAtom &atom) {
  const std::vector<StringParam> &ps = atom.params;
  if (ps.empty())
    return "()";
  auto repr = [](const StringParam &p) {
    return p.kind == StringParam::Kind::Str ? pyRepr(p.text) : std::to_string(p.number);
  };
  if (ps.size() == 2)
    return "(" + repr(ps[0]) + ", " + repr(ps[1]) + ")";
  const StringParam &p = ps[0];
  switch (p.kind) {
  case StringParam::Kind::Int:
    return std::to_string(p.number);
  case StringParam::Kind::Str:
    return p.text;
  case StringParam::Kind::Map: {
    std::string out = "{";
    for (size_t i = 0; i < 26; ++i)
      out += fmt::format("{}'{}': '{}'", i ? ", " : "", static_cast<char>('a' + i), p.mapping[i]);
    return out + "}";
  }
  }
  return "";
}

std::string literal(const StringParam &p) {
  switch (p.kind) {
  case StringParam::Kind::Int:
    return std::to_string(p.number);
  case StringParam::Kind::Str:
    return stringLiteral(p.text);
  case StringParam::Kind::Map: {
    std::string out = "{";
    for (size_t i = 0; i < 26; ++i)
      out += fmt::format("{}\"{}\": {}", i ? ", " : "", static_cast<char>('a' + i),
                         stringLiteral(std::string(1, p.mapping[i])));
    return out + "}";
  }
  }
  return "";
}

// A parameter in the readable description: ints as they are, strings as
// Python reprs, a mapping as the images of a..z.
std::string readable(const StringParam &p) {
  switch (p.kind) {
  case StringParam::Kind::Int:
    return std::to_string(p.number);
  case StringParam::Kind::Str:
    return pyRepr(p.text);
  case StringParam::Kind::Map:
    return "a..z -> " + std::string(p.mapping.begin(), p.mapping.end());
  }
  return "";
}

// outer(inner(x, ...), ...) with a prefix and a parameter formatter.
template <typename Format>
std::string nest(const StringFunction &function, std::string_view prefix, std::string_view x, Format format) {
  std::string text(x);
  for (size_t k = function.atoms.size(); k-- > 0;) {
    const StringAtom &atom = function.atoms[k];
    std::string call = fmt::format("{}{}({}", prefix, atom.name, text);
    for (const StringParam &p : atom.params)
      call += ", " + format(p);
    text = call + ")";
  }
  return text;
}

// The duplicate key: names and parameters, position by position.
std::string keyOf(const StringFunction &function) {
  std::string key;
  for (const StringAtom &atom : function.atoms) {
    key += atom.name;
    for (const StringParam &p : atom.params)
      key += "\x1f" + literal(p);
    key += "\x1e";
  }
  return key;
}

} // namespace

std::span<const std::string_view> findStringOuterNames() { return kOuterNames; }
std::span<const std::string_view> findStringInnerNames() { return kInnerNames; }
std::span<const std::string_view> findStringAvoidList(std::string_view outer) { return avoidListOf(outer); }

bool findStringAvoids(std::string_view outer, std::string_view inner) {
  std::span<const std::string_view> list = avoidListOf(outer);
  return std::find(list.begin(), list.end(), inner) != list.end();
}

// FIND's add_order_to_inx and sub_order_to_inx pick a new random index on
// every call (random.randint inside the function): not a function of the
// input, so no benchmark can check a description of them. Drawing one
// draws again; the rest of FIND's distribution is unchanged.
static bool nondeterministic(std::string_view name) { return name == "add_order_to_inx" || name == "sub_order_to_inx"; }

std::vector<StringFunction> sampleFindStrings(unsigned count, uint64_t seed) {
  constexpr double kRatio = 0.3; // generate_string_functions.py's --ratio default
  Draws draws(seed);
  std::unordered_set<std::string> seen;
  std::vector<StringFunction> functions;
  functions.reserve(count);
  for (unsigned i = 0; i < count; ++i) {
    bool composed = draws.random() > kRatio;
    StringFunction function;
    // Redrawn whole (inside the coin's branch) until it is new.
    do {
      function.atoms.clear();
      // A single atom, or sample_compose's outer.
      std::string_view outer;
      do
        outer = draws.choice(kOuterNames);
      while (nondeterministic(outer));
      function.atoms.push_back(drawAtom(outer, draws));
      if (composed) {
        // The inner, with its parameters, until FIND's avoid list for the
        // outer allows it; the outer is kept.
        StringAtom inner;
        do
          inner = drawAtom(draws.choice(kInnerNames), draws);
        while (nondeterministic(inner.name) || findStringAvoids(function.atoms[0].name, inner.name));
        function.atoms.push_back(std::move(inner));
      }
    } while (!seen.insert(keyOf(function)).second);
    functions.push_back(std::move(function));
  }
  return functions;
}

std::string findStringName(const StringFunction &function) {
  if (function.composed())
    return fmt::format("{};{};compose_1input_1input({}, {})", function.atoms[0].name, function.atoms[1].name,
                       pyStr(function.atoms[0]), pyStr(function.atoms[1]));
  return fmt::format("{}({})", function.atoms[0].name, pyStr(function.atoms[0]));
}

std::string describeStringFunction(const StringFunction &function) {
  return nest(function, "", "x", readable);
}

std::string stringExpression(const StringFunction &function, std::string_view x) {
  return nest(function, "strings.", x, literal);
}

std::string stringLiteral(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    switch (c) {
    case '\\': out += "\\\\"; break;
    case '"': out += "\\\""; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    default:
      if (byte < 0x20 || byte == 0x7f)
        out += fmt::format("\\x{:02x}", byte);
      else
        out += c;
    }
  }
  return out + "\"";
}

std::string writeFindStringSuite(const std::vector<StringFunction> &functions, const std::string &origin,
                                 const std::string &label) {
  std::string text = "# FIND string functions as a findc suite, written by `findc suite` from\n# " + origin +
                     ".\n# Each bench calls FIND's atoms from stdlib/strings.fnd (`strings.NAME`, the string\n"
                     "# first); a composition is outer(inner(x)), FIND's compose_1input_1input.\n";
  for (size_t i = 0; i < functions.size(); ++i) {
    const StringFunction &function = functions[i];
    std::string name = fmt::format("s{:05d}", i);
    text += fmt::format("\n## {} {}: {}, FIND's {}.\n", label, name, describeStringFunction(function),
                        findStringName(function));
    text += fmt::format("bench {}(x: str) = {}\n", name, stringExpression(function));
    text += fmt::format("    category \"{}\"\n", function.composed() ? "string composition" : "string atom");
  }
  return text;
}

} // namespace findc::suite
