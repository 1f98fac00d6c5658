// Unicode text operations with Python 3.11's str semantics, for the strings
// in FIND's benchmark functions (which are written against Python's str).
//
// Why ICU: Python's str methods use full Unicode case mapping (ß -> SS,
// İ -> i + U+0307, context-dependent final sigma) and Unicode character
// properties (general category, numeric type, bidirectional class). ICU has
// exactly these tables; reimplementing them would mean shipping our own
// Unicode database. All functions use the root locale (Python's str methods
// are locale-independent) and keep no state between calls.
//
// Input must be valid UTF-8 (the front end and runtime only produce valid
// UTF-8); results for ill-formed input are unspecified but memory-safe.
// Output is UTF-8.
//
// Unicode versions: Python 3.11 uses Unicode 14.0, ICU 72 uses 15.0. The two
// agree on every code point assigned in Unicode 14; characters first assigned
// in 15.0 get ICU's (newer) properties here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace findc::rt {

// (Counting, decoding and encoding code points: runtime/Utf8.h.)

// s.lower(), s.upper(): full case mapping, final sigma included.
std::string toLower(std::string_view s);
std::string toUpper(std::string_view s);
// s.capitalize() (Python >= 3.8): first character to title case (full
// mapping: "ß" -> "Ss", "ǆ" -> "ǅ"), the rest lowercased.
std::string capitalize(std::string_view s);

// s.title(): each character after a cased one lowercased (final sigma
// included), every other one titlecased (full mappings), as CPython's
// do_title, so "they're" -> "They'Re".
std::string title(std::string_view s);
// s.swapcase(): Uppercase characters lowercased (final sigma included),
// Lowercase ones uppercased (full mappings); the rest (titlecase ǅ) kept.
std::string swapCase(std::string_view s);
// s.casefold(): full Unicode case folding (CaseFolding.txt C + F: "ß" ->
// "ss", "ς" -> "σ"), character by character as CPython.
std::string caseFold(std::string_view s);

// Python's predicates on whole strings; all are false for "".
bool isAlpha(std::string_view s); // every character in categories L*
bool isDigit(std::string_view s); // every character Numeric_Type Digit/Decimal
bool isSpace(std::string_view s); // every character whitespace (see strip)
bool isDecimal(std::string_view s); // every character Numeric_Type Decimal
bool isNumeric(std::string_view s); // every character of any Numeric_Type
bool isAlnum(std::string_view s);   // every character alphabetic or numeric
// At least one cased character, all of them upper (lower) case; titlecase
// (Lt) characters count as neither.
bool isUpper(std::string_view s);
bool isLower(std::string_view s);

// s.strip(), s.lstrip(), s.rstrip() without arguments: remove Python
// whitespace (bidirectional class WS, B or S, or category Zs).
std::string strip(std::string_view s);
std::string lstrip(std::string_view s);
std::string rstrip(std::string_view s);

} // namespace findc::rt
