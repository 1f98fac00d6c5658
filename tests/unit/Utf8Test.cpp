// runtime/Utf8.h, the one UTF-8 reader and writer: counting and offsets
// (word-at-a-time paths included), decoding, encoding and validation,
// against hand-written byte sequences and each other.
#include "runtime/Utf8.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace findc::rt {
namespace {

// 1, 2, 3 and 4 bytes: "aé€😀".
constexpr std::string_view kMixed = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";

// Repeats `s` n times: long enough for the 8-byte paths.
std::string repeat(std::string_view s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i)
    out += s;
  return out;
}

TEST(Utf8Test, CountsCodePoints) {
  EXPECT_EQ(codePointCount(""), 0u);
  EXPECT_EQ(codePointCount("abc"), 3u);
  EXPECT_EQ(codePointCount(kMixed), 4u);
  for (size_t n : {1, 2, 3, 5, 17})
    EXPECT_EQ(codePointCount(repeat(kMixed, n)), 4 * n) << n;
  EXPECT_EQ(codePointCount("ab" + repeat("\xC3\xA9", 9)), 11u); // words starting mid-sequence
}

TEST(Utf8Test, OffsetsOfCodePoints) {
  std::string text = repeat(kMixed, 5); // 20 code points, 50 bytes
  size_t offset = 0;
  for (size_t index = 0; index < 20; ++index) {
    EXPECT_EQ(codePointOffset(text, index), offset) << index;
    offset += utf8SequenceLength(static_cast<unsigned char>(text[offset]));
  }
  EXPECT_EQ(codePointOffset(text, 20), text.size());
  EXPECT_EQ(codePointOffset(text, 1000), text.size());
  for (size_t index = 0; index < 20; ++index)
    for (size_t back = 1; back <= index; ++back)
      EXPECT_EQ(codePointOffsetBefore(text, codePointOffset(text, index), back), codePointOffset(text, index - back))
          << index << " - " << back;
  EXPECT_EQ(codePointOffsetBefore(text, 10, 50), 0u);
}

TEST(Utf8Test, SequenceLengths) {
  EXPECT_EQ(utf8SequenceLength('a'), 1u);
  EXPECT_EQ(utf8SequenceLength(0x80), 1u); // a stray continuation byte
  EXPECT_EQ(utf8SequenceLength(0xC3), 2u);
  EXPECT_EQ(utf8SequenceLength(0xE2), 3u);
  EXPECT_EQ(utf8SequenceLength(0xF0), 4u);
  EXPECT_TRUE(isUtf8Continuation(0xBF));
  EXPECT_FALSE(isUtf8Continuation(0xC0));
  EXPECT_FALSE(isUtf8Continuation('a'));
}

// Every code point, surrogates included (the runtime's generalized UTF-8),
// encodes to the size its range implies and decodes back, checked or not.
TEST(Utf8Test, EveryCodePointRoundTrips) {
  for (uint32_t code = 0; code <= 0x10FFFF; ++code) {
    auto cp = static_cast<char32_t>(code);
    std::string bytes;
    appendUtf8(bytes, cp);
    size_t expected = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    ASSERT_EQ(bytes.size(), expected) << std::hex << code;
    ASSERT_EQ(codePointCount(bytes), 1u) << std::hex << code;
    size_t at = 0;
    ASSERT_EQ(decodeUtf8(bytes, at), cp) << std::hex << code;
    ASSERT_EQ(at, bytes.size()) << std::hex << code;
    std::optional<Utf8Sequence> checked = decodeUtf8Checked(bytes, 0);
    ASSERT_TRUE(checked) << std::hex << code;
    ASSERT_EQ(checked->codePoint, cp) << std::hex << code;
    ASSERT_EQ(checked->length, bytes.size()) << std::hex << code;
  }
}

TEST(Utf8Test, DecodesInPlace) {
  size_t at = 0;
  EXPECT_EQ(decodeUtf8(kMixed, at), U'a');
  EXPECT_EQ(decodeUtf8(kMixed, at), U'\u00E9');
  EXPECT_EQ(decodeUtf8(kMixed, at), U'\u20AC');
  EXPECT_EQ(decodeUtf8(kMixed, at), U'\U0001F600');
  EXPECT_EQ(at, kMixed.size());
  std::optional<Utf8Sequence> euro = decodeUtf8Checked(kMixed, 3);
  ASSERT_TRUE(euro);
  EXPECT_EQ(euro->codePoint, U'\u20AC');
  EXPECT_EQ(euro->length, 3u);
}

TEST(Utf8Test, RejectsIllFormedSequences) {
  for (std::string_view bad : {
           std::string_view("\x80"),             // a continuation byte first
           std::string_view("\xC0\xAF"),         // overlong '/'
           std::string_view("\xC1\xBF"),         // overlong
           std::string_view("\xE0\x80\xAF"),     // overlong
           std::string_view("\xF0\x80\x80\xAF"), // overlong
           std::string_view("\xF4\x90\x80\x80"), // past U+10FFFF
           std::string_view("\xF5\x80\x80\x80"), // no such lead byte
           std::string_view("\xFF"),             // no such lead byte
           std::string_view("\xC3"),             // cut short
           std::string_view("\xE2\x82"),         // cut short
           std::string_view("\xE2\x28\xA1"),     // not a continuation byte
       })
    EXPECT_FALSE(decodeUtf8Checked(bad, 0)) << testing::PrintToString(bad);
  // The sequence, not the text: one ill-formed byte later does not matter.
  EXPECT_TRUE(decodeUtf8Checked("\xC3\xA9\xFF", 0));
}

} // namespace
} // namespace findc::rt
