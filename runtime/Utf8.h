// UTF-8 in one place: the front end (columns, string literals, the lexer's
// input), diagnostics, codegen's str constants and the runtime's str all
// count, walk, decode and encode code points with these.
//
// The runtime's str holds generalized UTF-8, as Python's str needs: surrogate
// code points (U+D800..U+DFFF) encode like any other BMP code point, so
// chr(0xD800) round-trips. Source text is stricter (SourceFile rejects them).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace findc::rt {

// Continuation bytes (10xxxxxx) carry the bits after a sequence's lead byte.
constexpr bool isUtf8Continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// The size of the sequence a lead byte starts in well-formed text; 1 for a
// stray continuation byte, so that a walk over any bytes advances.
constexpr size_t utf8SequenceLength(unsigned char lead) {
  return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

namespace detail {
inline uint64_t load64(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}
// Lead (non-continuation) bytes among 8: continuation bytes have bit 7 set
// and bit 6 clear; `w << 1` moves each byte's bit 6 to its bit 7.
inline size_t leadsIn(uint64_t w) {
  constexpr uint64_t high = 0x8080808080808080ULL;
  return 8 - static_cast<size_t>(std::popcount(w & ~(w << 1) & high));
}
} // namespace detail

// The number of code points (Python's len): the bytes that are not
// continuation bytes, counted a word at a time.
inline size_t codePointCount(std::string_view s) {
  size_t count = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8)
    count += detail::leadsIn(detail::load64(s.data() + i));
  for (; i < s.size(); ++i)
    count += !isUtf8Continuation(static_cast<unsigned char>(s[i]));
  return count;
}

// The byte offset of code point `index` of s; s.size() when s has no more
// than `index` code points.
inline size_t codePointOffset(std::string_view s, size_t index) {
  size_t i = 0;
  // A word holds at most 8 leads: skipping it never passes the target.
  for (; i + 8 <= s.size() && index >= 8; i += 8)
    index -= detail::leadsIn(detail::load64(s.data() + i));
  for (; i < s.size(); ++i)
    if (!isUtf8Continuation(static_cast<unsigned char>(s[i]))) {
      if (index == 0)
        return i;
      --index;
    }
  return s.size();
}

// The byte offset of the code point `count` code points before byte offset
// `end` of s (count >= 1; 0 when there are fewer).
inline size_t codePointOffsetBefore(std::string_view s, size_t end, size_t count) {
  size_t i = end;
  // Skipping a word (at most 8 leads) while count > 8 leaves count >= 1, so
  // the byte loop below always ends on a lead byte.
  for (; i >= 8 && count > 8; i -= 8)
    count -= detail::leadsIn(detail::load64(s.data() + i - 8));
  while (count > 0 && i > 0) {
    --i;
    count -= !isUtf8Continuation(static_cast<unsigned char>(s[i]));
  }
  return i;
}

// The code point at s[i] of well-formed text, advancing i past it.
inline char32_t decodeUtf8(std::string_view s, size_t& i) {
  auto lead = static_cast<unsigned char>(s[i]);
  size_t length = utf8SequenceLength(lead);
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t k = 1; k < length && i + k < s.size(); ++k)
    cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += length;
  return cp;
}

struct Utf8Sequence {
  char32_t codePoint;
  size_t length; // bytes
};

// The sequence at s[i] if it is well-formed generalized UTF-8 (complete, not
// overlong, at most U+10FFFF; surrogates pass); nullopt otherwise.
inline std::optional<Utf8Sequence> decodeUtf8Checked(std::string_view s, size_t i) {
  auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80)
    return Utf8Sequence{lead, 1};
  size_t need;
  char32_t cp, min;
  if (lead >= 0xC2 && lead <= 0xDF)
    need = 1, cp = lead & 0x1F, min = 0x80;
  else if (lead >= 0xE0 && lead <= 0xEF)
    need = 2, cp = lead & 0x0F, min = 0x800;
  else if (lead >= 0xF0 && lead <= 0xF4)
    need = 3, cp = lead & 0x07, min = 0x10000;
  else
    return std::nullopt;
  if (s.size() - i <= need)
    return std::nullopt;
  for (size_t k = 1; k <= need; ++k) {
    auto byte = static_cast<unsigned char>(s[i + k]);
    if (!isUtf8Continuation(byte))
      return std::nullopt;
    cp = (cp << 6) | (byte & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF)
    return std::nullopt;
  return Utf8Sequence{cp, need + 1};
}

// Writes the (generalized) UTF-8 of cp <= 0x10FFFF to out[0, 4); returns its
// size.
inline size_t encodeUtf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

inline void appendUtf8(std::string& out, char32_t cp) {
  char bytes[4];
  out.append(bytes, encodeUtf8(cp, bytes));
}

} // namespace findc::rt
