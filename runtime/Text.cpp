#include "runtime/Text.h"
#include "runtime/Icu.h"
#include "runtime/Utf8.h"

#include <unicode/stringoptions.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <stdexcept>
#include <vector>

namespace findc::rt {
namespace {

// The code point at s[i], advancing i. Ill-formed bytes decode to U+FFFD.
UChar32 next(std::string_view s, size_t &i) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

// The code point that ends at s[i], moving i to its start; U+FFFD if the
// bytes from there do not decode to one ending at i (ICU's U8_PREV calls
// into the library, which the runtime loads only when it must).
UChar32 prev(std::string_view s, size_t &i) {
  size_t start = codePointOffsetBefore(s, i, 1), end = start;
  UChar32 c = next(s, end);
  c = end == i ? c : 0xFFFD;
  i = start;
  return c;
}

// ICU's full case mappings of UTF-8, in the root locale.
int32_t lowerMap(const char *src, int32_t len, char *dst, int32_t cap, UErrorCode *err) {
  const icu::Library &icu = icu::library();
  return icu.toLower(icu.rootCaseMap, dst, cap, src, len, err);
}
int32_t upperMap(const char *src, int32_t len, char *dst, int32_t cap, UErrorCode *err) {
  const icu::Library &icu = icu::library();
  return icu.toUpper(icu.rootCaseMap, dst, cap, src, len, err);
}
int32_t foldMap(const char *src, int32_t len, char *dst, int32_t cap, UErrorCode *err) {
  const icu::Library &icu = icu::library();
  return icu.foldCase(icu.rootCaseMap, dst, cap, src, len, err); // U_FOLD_CASE_DEFAULT
}
// The whole string title-cased with no break adjustment (no break data
// needed), in a map of its own: ICU keeps its break iterator in the map.
int32_t titleMap(const char *src, int32_t len, char *dst, int32_t cap, UErrorCode *err) {
  const icu::Library &icu = icu::library();
  UCaseMap *map = icu.openCaseMap("", U_TITLECASE_WHOLE_STRING | U_TITLECASE_NO_BREAK_ADJUSTMENT, err);
  if (U_FAILURE(*err))
    return 0;
  int32_t n = icu.toTitle(map, dst, cap, src, len, err);
  icu.closeCaseMap(map);
  return n;
}

// Runs an ICU UTF-8 case mapping (preflighting the output size).
template <class Map> std::string caseMap(std::string_view s, Map map) {
  if (s.size() > INT32_MAX / 4)
    throw std::length_error("findc::rt: string too long for case mapping");
  std::string out(s.size() + 16, '\0');
  for (int attempt = 0; attempt < 2; ++attempt) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = map(s.data(), static_cast<int32_t>(s.size()), out.data(), static_cast<int32_t>(out.size()), &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      out.assign(static_cast<size_t>(n), '\0');
      continue;
    }
    if (U_FAILURE(err))
      throw std::runtime_error(std::string("findc::rt: ICU case mapping failed: ") + icu::library().errorName(err));
    out.resize(static_cast<size_t>(n));
    return out;
  }
  throw std::runtime_error("findc::rt: ICU case mapping did not converge");
}

// Python's Py_UNICODE_ISSPACE (Tools/unicode/makeunicodedata.py).
bool isPySpace(UChar32 c) {
  switch (icu::library().charDirection(c)) {
  case U_WHITE_SPACE_NEUTRAL:
  case U_BLOCK_SEPARATOR:
  case U_SEGMENT_SEPARATOR:
    return true;
  default:
    return icu::library().charType(c) == U_SPACE_SEPARATOR;
  }
}

bool isPyAlpha(UChar32 c) { return (U_MASK(icu::library().charType(c)) & U_GC_L_MASK) != 0; }

bool isPyDigit(UChar32 c) {
  int32_t t = icu::library().intPropertyValue(c, UCHAR_NUMERIC_TYPE);
  return t == U_NT_DECIMAL || t == U_NT_DIGIT;
}

// Python's flags: UPPER = Uppercase property, LOWER = Lowercase property,
// TITLE = category Lt.
bool isPyUpper(UChar32 c) { return icu::library().hasBinaryProperty(c, UCHAR_UPPERCASE); }
bool isPyLower(UChar32 c) { return icu::library().hasBinaryProperty(c, UCHAR_LOWERCASE); }
bool isPyTitle(UChar32 c) { return icu::library().charType(c) == U_TITLECASE_LETTER; }

template <class Pred> bool all(std::string_view s, Pred pred) {
  if (s.empty())
    return false;
  for (size_t i = 0; i < s.size();)
    if (!pred(next(s, i)))
      return false;
  return true;
}

// Python's str.isupper/islower: false on a character of the other case or
// title case, true if at least one character of this case was seen.
template <class Same, class Other> bool allCased(std::string_view s, Same same, Other other) {
  bool cased = false;
  for (size_t i = 0; i < s.size();) {
    UChar32 c = next(s, i);
    if (other(c) || isPyTitle(c))
      return false;
    cased = cased || same(c);
  }
  return cased;
}

size_t skipSpaceFront(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    if (!isPySpace(next(s, j)))
      break;
    i = j;
  }
  return i;
}

size_t skipSpaceBack(std::string_view s, size_t begin) {
  size_t i = s.size();
  while (i > begin) {
    size_t j = i;
    if (!isPySpace(prev(s, j)))
      break;
    i = j;
  }
  return i;
}

bool isPyDecimal(UChar32 c) { return icu::library().intPropertyValue(c, UCHAR_NUMERIC_TYPE) == U_NT_DECIMAL; }
bool isPyNumeric(UChar32 c) { return icu::library().intPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_NONE; }
// Python's Py_UNICODE_ISALNUM: alpha, decimal, digit or numeric.
bool isPyAlnum(UChar32 c) { return isPyAlpha(c) || isPyNumeric(c); }

// The code points of generalized UTF-8 (lone surrogates kept as themselves:
// ICU's U8_NEXT would read them as U+FFFD).
std::vector<char32_t> codePointsOf(std::string_view s) {
  std::vector<char32_t> cps;
  cps.reserve(s.size());
  for (size_t i = 0; i < s.size();)
    cps.push_back(decodeUtf8(s, i));
  return cps;
}

bool isSurrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

enum class Mapping { Lower, Upper, Title, Fold };

// The full (context-free) mapping of one code point, appended as UTF-8.
void appendMapped(std::string &out, char32_t c, Mapping mapping) {
  if (isSurrogate(c)) { // no case; and ICU cannot take it as UTF-8
    appendUtf8(out, c);
    return;
  }
  std::string one;
  appendUtf8(one, c);
  switch (mapping) {
  case Mapping::Lower: out += toLower(one); return;
  case Mapping::Upper: out += toUpper(one); return;
  case Mapping::Title:
    out += caseMap(one, titleMap);
    return;
  case Mapping::Fold:
    out += caseMap(one, foldMap);
    return;
  }
}

bool isCased(char32_t c) {
  return !isSurrogate(c) && icu::library().hasBinaryProperty(static_cast<UChar32>(c), UCHAR_CASED);
}
bool isCaseIgnorable(char32_t c) {
  return !isSurrogate(c) && icu::library().hasBinaryProperty(static_cast<UChar32>(c), UCHAR_CASE_IGNORABLE);
}

// Character i lowercased in its string, as CPython's lower_ucs4: a capital
// sigma is final (ς) after a cased character (case-ignorable ones skipped)
// and not before one (likewise), else σ.
void appendLowerAt(std::string &out, const std::vector<char32_t> &cps, size_t i) {
  if (cps[i] != 0x3A3) {
    appendMapped(out, cps[i], Mapping::Lower);
    return;
  }
  size_t before = i;
  while (before > 0 && isCaseIgnorable(cps[before - 1]))
    --before;
  bool final = before > 0 && isCased(cps[before - 1]);
  size_t after = i + 1;
  while (after < cps.size() && isCaseIgnorable(cps[after]))
    ++after;
  final = final && (after == cps.size() || !isCased(cps[after]));
  appendUtf8(out, final ? 0x3C2 : 0x3C3);
}

} // namespace

std::string toLower(std::string_view s) {
  return caseMap(s, lowerMap);
}

std::string toUpper(std::string_view s) {
  return caseMap(s, upperMap);
}

std::string capitalize(std::string_view s) {
  if (s.empty())
    return {};
  size_t firstEnd = 0;
  next(s, firstEnd);
  std::string_view first = s.substr(0, firstEnd);
  // The first character's full title case mapping: a one-character "whole
  // string" titlecased with no break adjustment (no break iterator needed).
  std::string out = caseMap(first, titleMap);
  // Python lowercases the rest in the context of the whole string (final
  // sigma looks back past index 0), so lowercase everything and drop the
  // first character's lowercase, whose length does not depend on context.
  std::string lower = toLower(s);
  out.append(lower, toLower(first).size());
  return out;
}

bool isAlpha(std::string_view s) { return all(s, isPyAlpha); }
bool isDigit(std::string_view s) { return all(s, isPyDigit); }
bool isDecimal(std::string_view s) { return all(s, isPyDecimal); }
bool isNumeric(std::string_view s) { return all(s, isPyNumeric); }
bool isAlnum(std::string_view s) { return all(s, isPyAlnum); }

std::string title(std::string_view s) {
  std::vector<char32_t> cps = codePointsOf(s);
  std::string out;
  out.reserve(s.size());
  bool previousCased = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (previousCased)
      appendLowerAt(out, cps, i);
    else
      appendMapped(out, cps[i], Mapping::Title);
    previousCased = isCased(cps[i]);
  }
  return out;
}

std::string swapCase(std::string_view s) {
  std::vector<char32_t> cps = codePointsOf(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (!isSurrogate(c) && isPyUpper(static_cast<UChar32>(c)))
      appendLowerAt(out, cps, i);
    else if (!isSurrogate(c) && isPyLower(static_cast<UChar32>(c)))
      appendMapped(out, c, Mapping::Upper);
    else
      appendUtf8(out, c);
  }
  return out;
}

std::string caseFold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : codePointsOf(s))
    appendMapped(out, c, Mapping::Fold);
  return out;
}
bool isSpace(std::string_view s) { return all(s, isPySpace); }
bool isUpper(std::string_view s) { return allCased(s, isPyUpper, isPyLower); }
bool isLower(std::string_view s) { return allCased(s, isPyLower, isPyUpper); }

std::string strip(std::string_view s) {
  size_t b = skipSpaceFront(s);
  return std::string(s.substr(b, skipSpaceBack(s, b) - b));
}
std::string lstrip(std::string_view s) { return std::string(s.substr(skipSpaceFront(s))); }
std::string rstrip(std::string_view s) { return std::string(s.substr(0, skipSpaceBack(s, 0))); }

} // namespace findc::rt
