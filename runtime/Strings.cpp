// The string, list and map runtime (see Strings.h and StrOps.def).
//
// Representation invariants the fast paths rely on:
//   * Every Str holds well-formed "generalized" UTF-8: UTF-8 that may also
//     encode lone surrogates (U+D800..U+DFFF) in three bytes, which is what
//     chr(0xD800) produces (Python strs may hold lone surrogates; ICU's
//     functions treat such a sequence as ill-formed, i.e. as U+FFFD). makeStr
//     enforces this on text from outside; every operation preserves it.
//   * bytes == length exactly when the text is ASCII, so indexing is O(1)
//     then; otherwise code points are found by walking (8 bytes at a time).
//   * Generalized UTF-8 keeps code point order under byte comparison, so
//     str.cmp is memcmp.
// Results that are empty or one ASCII character come from static tables and
// are never allocated; an operation whose result equals an operand returns
// that operand (values are immutable, so sharing is invisible).
#include "runtime/Strings.h"
#include "runtime/Icu.h"
#include "runtime/PyNumbers.h"

#include "runtime/Text.h"
#include "runtime/Utf8.h"


// Under AddressSanitizer the arena poisons what it has not handed out, so a
// read past the end of a string or list inside a block is reported too.
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define FINDC_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define FINDC_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define FINDC_POISON(p, n) ((void)(p), (void)(n))
#define FINDC_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#include <algorithm>
#include <numeric>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace findc::rt {

// ---------------------------------------------------------------- Arena ----

namespace {
constexpr size_t kFirstBlockBytes = size_t{16} << 10;
// reset() keeps the largest block up to this size, so a batch that needed a
// few blocks reuses one big enough next time, without pinning huge ones.
constexpr size_t kMaxKeptBlockBytes = size_t{1} << 20;
// Growth stops doubling here (one huge string does not make every later
// block huge).
constexpr size_t kMaxGrowthBlockBytes = size_t{16} << 20;
} // namespace

void* Arena::allocate(size_t bytes, size_t align) {
  auto cursor = reinterpret_cast<uintptr_t>(cursor_);
  auto end = reinterpret_cast<uintptr_t>(end_);
  uintptr_t aligned = (cursor + (align - 1)) & ~static_cast<uintptr_t>(align - 1);
  if (cursor_ == nullptr || aligned > end || bytes > end - aligned) {
    // Geometric growth keeps the number of blocks logarithmic; an oversized
    // request gets a block of its own size.
    size_t grown = sizes_.empty() ? kFirstBlockBytes : std::min(sizes_.back() * 2, kMaxGrowthBlockBytes);
    size_t size = std::max(grown, bytes + align);
    blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(size));
    sizes_.push_back(size);
    cursor_ = blocks_.back().get();
    end_ = cursor_ + size;
    FINDC_POISON(cursor_, size);
    cursor = reinterpret_cast<uintptr_t>(cursor_);
    aligned = (cursor + (align - 1)) & ~static_cast<uintptr_t>(align - 1);
  }
  std::byte* out = cursor_ + (aligned - cursor);
  FINDC_UNPOISON(out, bytes);
  cursor_ = out + bytes;
  total_ += bytes;
  return out;
}

void Arena::reset() {
  total_ = 0;
  if (blocks_.empty())
    return;
  size_t keep = 0;
  for (size_t i = 1; i < blocks_.size(); ++i)
    if (sizes_[i] <= kMaxKeptBlockBytes && sizes_[i] > sizes_[keep])
      keep = i;
  if (keep != 0) {
    std::swap(blocks_[0], blocks_[keep]);
    std::swap(sizes_[0], sizes_[keep]);
  }
  blocks_.resize(1);
  sizes_.resize(1);
  cursor_ = blocks_[0].get();
  end_ = cursor_ + sizes_[0];
  FINDC_POISON(cursor_, sizes_[0]);
}

// Bytes handed out since construction or the last reset (padding excluded).
size_t Arena::bytesAllocated() const { return total_; }

// ---------------------------------------------------------- Context ----

void Context::fail(ErrorKind kind) {
  if (error == 0)
    error = static_cast<int32_t>(kind);
}

std::string_view errorName(ErrorKind kind) {
  switch (kind) {
  case ErrorKind::None: return "";
  case ErrorKind::IndexError: return "IndexError";
  case ErrorKind::KeyError: return "KeyError";
  case ErrorKind::ValueError: return "ValueError";
  case ErrorKind::TypeError: return "TypeError";
  case ErrorKind::BudgetExceeded: return "BudgetExceeded";
  case ErrorKind::ZeroDivisionError: return "ZeroDivisionError";
  case ErrorKind::OverflowError: return "OverflowError";
  case ErrorKind::RecursionError: return "RecursionError";
  }
  return "";
}

// ------------------------------------------------------ static values ----

namespace {

constexpr Str kEmpty{0, 0, ""};
constexpr List kEmptyList{0, nullptr};
constexpr Map kEmptyMap{0, nullptr, nullptr};

// "\0\0" "\1\0" ... : the text of the 128 one-character ASCII strings.
constexpr auto kAsciiText = [] {
  std::array<char, 256> text{};
  for (int c = 0; c < 128; ++c)
    text[static_cast<size_t>(2 * c)] = static_cast<char>(c);
  return text;
}();

constexpr auto kAscii = [] {
  std::array<Str, 128> strs{};
  for (size_t c = 0; c < 128; ++c)
    strs[c] = Str{1, 1, kAsciiText.data() + 2 * c};
  return strs;
}();

constexpr Str kTrue{4, 4, "True"};
constexpr Str kFalse{5, 5, "False"};

// FIND's English names of 0..30.
constexpr Str kNumberWords[] = {
    {4, 4, "zero"},        {3, 3, "one"},         {3, 3, "two"},          {5, 5, "three"},
    {4, 4, "four"},        {4, 4, "five"},        {3, 3, "six"},          {5, 5, "seven"},
    {5, 5, "eight"},       {4, 4, "nine"},        {3, 3, "ten"},          {6, 6, "eleven"},
    {6, 6, "twelve"},      {8, 8, "thirteen"},    {8, 8, "fourteen"},     {7, 7, "fifteen"},
    {7, 7, "sixteen"},     {9, 9, "seventeen"},   {8, 8, "eighteen"},     {8, 8, "nineteen"},
    {6, 6, "twenty"},      {10, 10, "twenty-one"}, {10, 10, "twenty-two"}, {12, 12, "twenty-three"},
    {11, 11, "twenty-four"}, {11, 11, "twenty-five"}, {10, 10, "twenty-six"}, {12, 12, "twenty-seven"},
    {12, 12, "twenty-eight"}, {11, 11, "twenty-nine"}, {6, 6, "thirty"},
};
static_assert([] {
  for (const Str& s : kNumberWords)
    if (std::char_traits<char>::length(s.data) != static_cast<size_t>(s.bytes) || s.bytes != s.length)
      return false;
  return std::size(kNumberWords) == 31;
}());

// Python's ASCII whitespace: \t \n \v \f \r, the four separators \x1c..\x1f,
// and space (the ASCII part of Text.h's definition; StringsTest checks the
// two agree).
constexpr auto kAsciiSpace = [] {
  std::array<bool, 128> space{};
  for (int c : {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20})
    space[static_cast<size_t>(c)] = true;
  return space;
}();

// ---------------------------------------------------------- UTF-8 ----

inline bool isAscii(const Str* s) { return s->bytes == s->length; }
inline const unsigned char* bytesOf(const Str* s) { return reinterpret_cast<const unsigned char*>(s->data); }

// The code points of p[0, n) (runtime/Utf8.h counts them a word at a time).
inline int64_t countCodePoints(const unsigned char* p, int64_t n) {
  return static_cast<int64_t>(codePointCount({reinterpret_cast<const char*>(p), static_cast<size_t>(n)}));
}

// Byte offset of code point `index` (0 <= index <= length), walking from the
// nearer end.
int64_t offsetOf(const Str* s, int64_t index) {
  if (isAscii(s) || index == 0)
    return index;
  if (index == s->length)
    return s->bytes;
  if (index <= s->length / 2)
    return static_cast<int64_t>(codePointOffset(s->view(), static_cast<size_t>(index)));
  return static_cast<int64_t>(
      codePointOffsetBefore(s->view(), static_cast<size_t>(s->bytes), static_cast<size_t>(s->length - index)));
}

// utf8SequenceLength in the int64_t of Str's sizes.
inline int64_t seqLen(unsigned char lead) { return static_cast<int64_t>(utf8SequenceLength(lead)); }

// Python whitespace for the code point whose sequence starts at p. Outside
// ASCII only lead bytes C2 (U+0085, U+00A0), E1 (U+1680), E2 (U+2000..U+205F)
// and E3 (U+3000) can start one; those go to Text.h so split() and strip()
// share one definition.
inline bool isSpaceAt(const unsigned char* p, int64_t len) {
  unsigned char b = p[0];
  if (b < 0x80)
    return kAsciiSpace[b];
  if (b != 0xC2 && (b < 0xE1 || b > 0xE3))
    return false;
  return isSpace(std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(len)));
}

// --------------------------------------------------------- allocation ----


// A new Str of `bytes` bytes (NUL-terminated), to be filled through `out`.
const Str* newStr(Arena& arena, int64_t bytes, int64_t length, char*& out) {
  void* mem = arena.allocate(sizeof(Str) + static_cast<size_t>(bytes) + 1, alignof(Str));
  out = static_cast<char*>(mem) + sizeof(Str);
  out[bytes] = '\0';
  return std::construct_at(static_cast<Str*>(mem), Str{bytes, length, out});
}

// The Str for known-valid text whose code point count is known.
const Str* strOf(Arena& arena, const char* data, int64_t bytes, int64_t length) {
  if (bytes == 0)
    return &kEmpty;
  if (bytes == 1 && static_cast<unsigned char>(data[0]) < 0x80)
    return &kAscii[static_cast<unsigned char>(data[0])];
  char* out;
  const Str* s = newStr(arena, bytes, length, out);
  std::memcpy(out, data, static_cast<size_t>(bytes));
  return s;
}

const Str* strOf(Arena& arena, std::string_view text) {
  auto* p = reinterpret_cast<const unsigned char*>(text.data());
  auto n = static_cast<int64_t>(text.size());
  return strOf(arena, text.data(), n, countCodePoints(p, n));
}

// s[b, e) by byte offsets on code point boundaries.
const Str* byteSlice(Arena& arena, const Str* s, int64_t b, int64_t e) {
  if (b == 0 && e == s->bytes)
    return s;
  int64_t length = isAscii(s) ? e - b : countCodePoints(bytesOf(s) + b, e - b);
  return strOf(arena, s->data + b, e - b, length);
}

// Results larger than this fail with BudgetExceeded instead of exhausting
// memory (a runaway `s = s + s` loop).
bool tooBig(Context* ctx, int64_t bytes) {
  if (bytes <= maxValueBytes)
    return false;
  ctx->fail(ErrorKind::BudgetExceeded);
  return true;
}

List* newList(Arena& arena, int64_t size, Elem*& items) {
  void* mem = arena.allocate(sizeof(List) + static_cast<size_t>(size) * sizeof(Elem), alignof(List));
  items = reinterpret_cast<Elem*>(static_cast<char*>(mem) + sizeof(List));
  return std::construct_at(static_cast<List*>(mem), List{size, items});
}

Map* newMap(Arena& arena, int64_t size, Elem*& keys, Elem*& values) {
  void* mem = arena.allocate(sizeof(Map) + 2 * static_cast<size_t>(size) * sizeof(Elem), alignof(Map));
  keys = reinterpret_cast<Elem*>(static_cast<char*>(mem) + sizeof(Map));
  values = keys + size;
  return std::construct_at(static_cast<Map*>(mem), Map{size, keys, values});
}

// Text.h's functions return std::string: the non-ASCII (slow) paths.
const Str* fromText(Context* ctx, const Str* s, const std::string& text) {
  if (text.size() == static_cast<size_t>(s->bytes) && std::memcmp(text.data(), s->data, text.size()) == 0)
    return s;
  if (tooBig(ctx, static_cast<int64_t>(text.size())))
    return &kEmpty;
  return strOf(arenaOf(ctx), text);
}

// ---------------------------------------------------------- helpers ----

inline bool strEq(const Str* a, const Str* b) {
  return a == b || (a->bytes == b->bytes && std::memcmp(a->data, b->data, static_cast<size_t>(a->bytes)) == 0);
}

// Byte offset of `needle` in hay at or after `from`, or -1.
inline int64_t findBytes(const Str* hay, const Str* needle, int64_t from) {
  if (needle->bytes == 0)
    return from <= hay->bytes ? from : -1;
  if (hay->bytes - from < needle->bytes)
    return -1;
  const void* hit = needle->bytes == 1
                        ? std::memchr(hay->data + from, needle->data[0], static_cast<size_t>(hay->bytes - from))
                        : memmem(hay->data + from, static_cast<size_t>(hay->bytes - from), needle->data,
                                 static_cast<size_t>(needle->bytes));
  return hit ? static_cast<const char*>(hit) - hay->data : -1;
}

// out[0, n) = src[0, n) reversed, 8 bytes at a time (byte swaps; baseline
// x86-64 has no byte shuffle to vectorize a plain loop with).
void reverseBytes(const unsigned char* src, int64_t n, char* out) {
  int64_t k = 0;
  for (; k + 8 <= n; k += 8) {
    uint64_t w;
    std::memcpy(&w, src + n - 8 - k, sizeof w);
    w = __builtin_bswap64(w);
    std::memcpy(out + k, &w, sizeof w);
  }
  for (; k < n; ++k)
    out[k] = static_cast<char>(src[n - 1 - k]);
}

// Code point index of a byte offset.
inline int64_t indexOfOffset(const Str* s, int64_t offset) {
  return isAscii(s) ? offset : countCodePoints(bytesOf(s), offset);
}

int64_t countNonOverlapping(const Str* hay, const Str* needle) {
  if (needle->bytes == 0)
    return hay->length + 1;
  int64_t count = 0;
  for (int64_t at = findBytes(hay, needle, 0); at >= 0; at = findBytes(hay, needle, at + needle->bytes))
    ++count;
  return count;
}

// Python's PySlice_AdjustIndices: clamps start and stop to the string and
// returns the number of selected items.
int64_t adjustSlice(int64_t length, int64_t& start, int64_t& stop, int64_t step) {
  if (start < 0) {
    start += length;
    if (start < 0)
      start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0)
      stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  if (step < 0)
    return stop < start ? (start - stop - 1) / -step + 1 : 0;
  return start < stop ? (stop - start - 1) / step + 1 : 0;
}

// ASCII-only case mappings; the result is `s` itself when nothing changes.
template <class Fn> const Str* mapAscii(Context* ctx, const Str* s, Fn map) {
  if (s->bytes == 1)
    return &kAscii[static_cast<unsigned char>(map(0, s->data[0]))];
  int64_t i = 0;
  for (; i < s->bytes; ++i)
    if (map(i, s->data[i]) != s->data[i])
      break;
  if (i == s->bytes)
    return s;
  char* out;
  const Str* r = newStr(arenaOf(ctx), s->bytes, s->length, out);
  std::memcpy(out, s->data, static_cast<size_t>(i));
  for (; i < s->bytes; ++i)
    out[i] = map(i, s->data[i]);
  return r;
}

inline char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
inline char upperAscii(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

inline bool asciiSpace(char c) {
  auto b = static_cast<unsigned char>(c);
  return b < 0x80 && kAsciiSpace[b];
}
inline bool asciiNonSpace(char c) {
  auto b = static_cast<unsigned char>(c);
  return b < 0x80 && !kAsciiSpace[b];
}

enum class Side { Left = 1, Right = 2, Both = 3 };

const Str* stripSides(Context* ctx, const Str* s, Side side) {
  bool left = static_cast<int>(side) & 1, right = static_cast<int>(side) & 2;
  if (s->bytes == 0)
    return s;
  if (isAscii(s)) {
    int64_t b = 0, e = s->bytes;
    if (left)
      while (b < e && asciiSpace(s->data[b]))
        ++b;
    if (right)
      while (e > b && asciiSpace(s->data[e - 1]))
        --e;
    return byteSlice(arenaOf(ctx), s, b, e);
  }
  // A non-ASCII string whose stripped ends are ASCII non-space: nothing to
  // strip (a non-ASCII space would start or end with a non-ASCII byte).
  if ((!left || asciiNonSpace(s->data[0])) && (!right || asciiNonSpace(s->data[s->bytes - 1])))
    return s;
  std::string_view v = s->view();
  return fromText(ctx, s, side == Side::Both ? strip(v) : side == Side::Left ? lstrip(v) : rstrip(v));
}

bool asciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool asciiDigit(char c) { return c >= '0' && c <= '9'; }

template <class Pred> bool allAscii(const Str* s, Pred pred) {
  if (s->bytes == 0)
    return false;
  for (int64_t i = 0; i < s->bytes; ++i)
    if (!pred(s->data[i]))
      return false;
  return true;
}

// isupper/islower on ASCII: one cased character of the kind, none of the other.
inline bool casedAscii(const Str* s, bool upper) {
  bool seen = false;
  for (int64_t i = 0; i < s->bytes; ++i) {
    char c = s->data[i];
    bool isUp = c >= 'A' && c <= 'Z', isLow = c >= 'a' && c <= 'z';
    if (upper ? isLow : isUp)
      return false;
    seen = seen || (upper ? isUp : isLow);
  }
  return seen;
}

inline int64_t normIndex(int64_t index, int64_t size) { return index < 0 ? index + size : index; }

// Python's == of two map keys or values in Elem's member M (strs by
// content, ints and floats by value: a nan equals nothing).
template <auto M> bool sameElem(const Elem& a, const Elem& b) {
  if constexpr (std::is_same_v<decltype(M), const Str* Elem::*>)
    return strEq(a.s, b.s);
  else
    return a.*M == b.*M;
}

// The position of `key` (an Elem of member K) in m, or -1.
template <auto K> int64_t findKey(const Map* m, const Elem& key) {
  for (int64_t i = 0; i < m->size; ++i)
    if (sameElem<K>(m->keys[i], key))
      return i;
  return -1;
}

// Python's int(s) and float(s) of a str, after strip(): digits with single
// underscores between them (`1_000`), a sign; for float also a fraction, an
// exponent, `inf`/`infinity`/`nan` in any case. Only ASCII digits (CPython
// also reads other Unicode decimal digits: documented difference).
// The ASCII text without underscores, or nothing if `digits` is not
// digits with single underscores between them.
std::optional<std::string> underscoredDigits(std::string_view digits) {
  if (digits.empty() || digits.front() == '_' || digits.back() == '_')
    return std::nullopt;
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    char c = digits[i];
    if (c == '_' && digits[i + 1] != '_')
      continue;
    if (c < '0' || c > '9')
      return std::nullopt;
    out += c;
  }
  return out;
}

} // namespace

std::optional<double> pythonFloatOf(std::string_view text) {
  std::string stripped = strip(text);
  std::string_view t = stripped;
  bool negative = !t.empty() && t[0] == '-';
  if (!t.empty() && (t[0] == '-' || t[0] == '+'))
    t.remove_prefix(1);
  auto lower = [](std::string_view v) {
    std::string l(v);
    for (char& c : l)
      c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return l;
  };
  std::string word = lower(t);
  if (word == "inf" || word == "infinity")
    return negative ? -INFINITY : INFINITY;
  if (word == "nan")
    return std::copysign(NAN, negative ? -1.0 : 1.0);
  size_t e = t.find_first_of("eE");
  std::string_view mantissa = t.substr(0, e);
  size_t dot = mantissa.find('.');
  std::string whole, fraction;
  if (dot == std::string_view::npos) {
    auto w = underscoredDigits(mantissa);
    if (!w)
      return std::nullopt;
    whole = *w;
  } else {
    std::string_view before = mantissa.substr(0, dot), after = mantissa.substr(dot + 1);
    if (before.empty() && after.empty())
      return std::nullopt;
    auto w = before.empty() ? std::optional<std::string>("") : underscoredDigits(before);
    auto f = after.empty() ? std::optional<std::string>("") : underscoredDigits(after);
    if (!w || !f)
      return std::nullopt;
    whole = *w;
    fraction = *f;
  }
  std::string exponent;
  if (e != std::string_view::npos) {
    std::string_view ex = t.substr(e + 1);
    std::string sign;
    if (!ex.empty() && (ex[0] == '-' || ex[0] == '+')) {
      sign = ex.substr(0, 1);
      ex.remove_prefix(1);
    }
    auto d = underscoredDigits(ex);
    if (!d)
      return std::nullopt;
    exponent = "e" + sign + *d;
  }
  std::string plain = (negative ? "-" : "") + whole + "." + fraction + exponent;
  return std::strtod(plain.c_str(), nullptr); // correctly rounded, as CPython's dtoa
}

namespace {

// int(s): nothing for a malformed text; OverflowError past int64.
std::optional<int64_t> parsePythonInt(Context* ctx, std::string_view text) {
  std::string stripped = strip(text);
  std::string_view t = stripped;
  bool negative = !t.empty() && t[0] == '-';
  if (!t.empty() && (t[0] == '-' || t[0] == '+'))
    t.remove_prefix(1);
  auto digits = underscoredDigits(t);
  if (!digits)
    return std::nullopt;
  // Accumulate negatively so INT64_MIN fits.
  int64_t value = 0;
  for (char c : *digits)
    if (__builtin_mul_overflow(value, 10, &value) || __builtin_sub_overflow(value, c - '0', &value)) {
      ctx->fail(ErrorKind::OverflowError);
      return 0;
    }
  if (!negative && __builtin_mul_overflow(value, -1, &value)) {
    ctx->fail(ErrorKind::OverflowError);
    return 0;
  }
  return value;
}

} // namespace

// ------------------------------------------------ the extern "C" ops ----

namespace {
// The order CPython 3.11's list.sort leaves n items in (indices of the
// original items), comparing only with less(a, b), as its `<`: reverse=True
// reverses the items, sorts and reverses the result. Under 64 items it is
// CPython's own algorithm (one run: count_run, then binarysort), so that
// even a comparison that is no order (a nan) gives CPython's result; from
// 64 items a stable merge sort, the same result for a true order.
template <class Less> std::vector<int64_t> pythonSortOrder(int64_t n, bool reverse, Less less) {
  std::vector<int64_t> v(static_cast<size_t>(n));
  std::iota(v.begin(), v.end(), int64_t{0});
  if (reverse)
    std::reverse(v.begin(), v.end());
  auto at = [&](int64_t k) -> int64_t& { return v[static_cast<size_t>(k)]; };
  if (n >= 64) {
    std::stable_sort(v.begin(), v.end(), less);
  } else if (n >= 2) {
    int64_t run = 2; // count_run
    bool descending = less(at(1), at(0));
    while (run < n && less(at(run), at(run - 1)) == descending)
      ++run;
    if (descending)
      std::reverse(v.begin(), v.begin() + run);
    for (int64_t start = run; start < n; ++start) { // binarysort
      int64_t lo = 0, hi = start, pivot = at(start);
      do {
        int64_t p = lo + ((hi - lo) >> 1);
        if (less(pivot, at(p)))
          hi = p;
        else
          lo = p + 1;
      } while (lo < hi);
      for (int64_t p = start; p > lo; --p)
        at(p) = at(p - 1);
      at(lo) = pivot;
    }
  }
  if (reverse)
    std::reverse(v.begin(), v.end());
  return v;
}

// l's items ordered by keys[i] under `less` (Python's sort: stable, and
// reverse keeps equal keys in their order).
template <class Less> const List* sortedByKeys(Context* ctx, const List* l, const List* keys, bool reverse, Less less) {
  int64_t n = std::min(l->size, keys->size); // equal: the compiler builds keys from l
  std::vector<int64_t> order =
      pythonSortOrder(n, reverse, [&](int64_t a, int64_t b) { return less(keys->items[a], keys->items[b]); });
  Elem* items;
  const List* r = newList(arenaOf(ctx), n, items);
  for (int64_t k = 0; k < n; ++k)
    items[k] = l->items[order[static_cast<size_t>(k)]];
  return r;
}
// list[int] and list[real] (their items in Elem's member M), once.
template <auto M, class T> const List* appendItem(Context* ctx, const List* l, T v) {
  if (tooBig(ctx, (l->size + 1) * static_cast<int64_t>(sizeof(Elem))))
    return &kEmptyList;
  Elem* items;
  const List* r = newList(arenaOf(ctx), l->size + 1, items);
  std::copy_n(l->items, l->size, items);
  items[l->size].*M = v;
  return r;
}
template <auto M, class T> T itemAt(Context* ctx, const List* l, int64_t i) {
  int64_t k = normIndex(i, l->size);
  if (k < 0 || k >= l->size) {
    ctx->fail(ErrorKind::IndexError);
    return 0;
  }
  return l->items[k].*M;
}
template <auto M, class T> bool hasItem(const List* l, T v) {
  for (int64_t i = 0; i < l->size; ++i)
    if (l->items[i].*M == v)
      return true;
  return false;
}
template <auto M> bool sameItems(const List* a, const List* b) {
  if (a->size != b->size)
    return false;
  for (int64_t i = 0; i < a->size; ++i)
    if (a->items[i].*M != b->items[i].*M)
      return false;
  return true;
}

bool intKeyLess(Elem a, Elem b) { return a.i < b.i; }
bool strKeyLess(Elem a, Elem b) { return a.s->view() < b.s->view(); } // UTF-8 byte order: code point order
bool realKeyLess(Elem a, Elem b) { return a.r < b.r; }
} // namespace

extern "C" {

// ---- str ----

const Str* findc_rt_str_concat(Context* ctx, const Str* a, const Str* b) {
  if (b->bytes == 0)
    return a;
  if (a->bytes == 0)
    return b;
  if (tooBig(ctx, a->bytes + b->bytes))
    return &kEmpty;
  char* out;
  const Str* r = newStr(arenaOf(ctx), a->bytes + b->bytes, a->length + b->length, out);
  std::memcpy(out, a->data, static_cast<size_t>(a->bytes));
  std::memcpy(out + a->bytes, b->data, static_cast<size_t>(b->bytes));
  return r;
}

const Str* findc_rt_str_repeat(Context* ctx, const Str* s, int64_t n) {
  if (n <= 0 || s->bytes == 0)
    return &kEmpty;
  if (n == 1)
    return s;
  if (n > maxValueBytes / s->bytes) {
    ctx->fail(ErrorKind::BudgetExceeded);
    return &kEmpty;
  }
  char* out;
  const Str* r = newStr(arenaOf(ctx), s->bytes * n, s->length * n, out);
  if (s->bytes == 1) {
    std::memset(out, s->data[0], static_cast<size_t>(n));
  } else {
    // Doubling copies: O(log n) memcpy calls.
    std::memcpy(out, s->data, static_cast<size_t>(s->bytes));
    int64_t done = s->bytes, total = s->bytes * n;
    while (done < total) {
      int64_t chunk = std::min(done, total - done);
      std::memcpy(out + done, out, static_cast<size_t>(chunk));
      done += chunk;
    }
  }
  return r;
}

int64_t findc_rt_str_len(Context*, const Str* s) { return s->length; }

const Str* findc_rt_str_index(Context* ctx, const Str* s, int64_t i) {
  int64_t k = normIndex(i, s->length);
  if (k < 0 || k >= s->length) {
    ctx->fail(ErrorKind::IndexError);
    return &kEmpty;
  }
  if (isAscii(s))
    return &kAscii[bytesOf(s)[k]];
  int64_t at = offsetOf(s, k);
  int64_t len = seqLen(bytesOf(s)[at]);
  return strOf(arenaOf(ctx), s->data + at, len, 1);
}

const Str* findc_rt_str_slice(Context* ctx, const Str* s, int64_t start, int64_t stop, int64_t step) {
  if (step == 0) {
    ctx->fail(ErrorKind::ValueError);
    return &kEmpty;
  }
  // As PySlice_Unpack: a step below -INT64_MAX is -INT64_MAX (its
  // negation must not overflow; it selects at most one character anyway).
  step = std::max<int64_t>(step, -INT64_MAX);
  int64_t count = adjustSlice(s->length, start, stop, step);
  if (count <= 0)
    return &kEmpty;
  Arena& arena = arenaOf(ctx);
  const unsigned char* p = bytesOf(s);
  if (step == 1)
    return byteSlice(arena, s, offsetOf(s, start), offsetOf(s, start + count));
  if (isAscii(s)) {
    if (count == 1)
      return &kAscii[p[start]];
    char* out;
    const Str* r = newStr(arena, count, count, out);
    if (step == -1)
      reverseBytes(p + start - count + 1, count, out);
    else
      for (int64_t k = 0; k < count; ++k)
        out[k] = static_cast<char>(p[start + k * step]);
    return r;
  }
  if (step == -1) {
    // Code points start, start-1, ..., start-count+1: one byte range, reversed.
    int64_t b = offsetOf(s, start - count + 1), e = offsetOf(s, start + 1);
    char* out;
    const Str* r = newStr(arena, e - b, count, out);
    char* w = out + (e - b);
    for (int64_t at = b; at < e;) {
      int64_t len = seqLen(p[at]);
      w -= len;
      // Byte by byte: faster than a variable-size memcpy per code point.
      for (int64_t k = 0; k < len; ++k)
        w[k] = s->data[at + k];
      at += len;
    }
    return r;
  }
  // General step: one pass to size the result, one to copy it.
  auto walk = [&](auto&& visit) {
    int64_t at = offsetOf(s, start);
    for (int64_t k = 0;; ++k) {
      int64_t len = seqLen(p[at]);
      visit(at, len);
      if (k + 1 == count)
        break;
      auto from = static_cast<size_t>(at);
      at = static_cast<int64_t>(step > 0 ? from + codePointOffset(s->view().substr(from), static_cast<size_t>(step))
                                         : codePointOffsetBefore(s->view(), from, static_cast<size_t>(-step)));
    }
  };
  int64_t bytes = 0;
  walk([&](int64_t, int64_t len) { bytes += len; });
  if (count == 1)
    return strOf(arena, s->data + offsetOf(s, start), bytes, 1);
  char* out;
  const Str* r = newStr(arena, bytes, count, out);
  int64_t pos = 0;
  walk([&](int64_t at, int64_t len) {
    std::memcpy(out + pos, p + at, static_cast<size_t>(len));
    pos += len;
  });
  return r;
}

bool findc_rt_str_eq(Context*, const Str* a, const Str* b) { return strEq(a, b); }

int64_t findc_rt_str_cmp(Context*, const Str* a, const Str* b) {
  int c = std::memcmp(a->data, b->data, static_cast<size_t>(std::min(a->bytes, b->bytes)));
  if (c == 0)
    return a->bytes < b->bytes ? -1 : a->bytes > b->bytes ? 1 : 0;
  return c < 0 ? -1 : 1;
}

bool findc_rt_str_contains(Context*, const Str* a, const Str* b) { return findBytes(a, b, 0) >= 0; }

int64_t findc_rt_str_find(Context*, const Str* a, const Str* b) {
  int64_t at = findBytes(a, b, 0);
  return at < 0 ? -1 : indexOfOffset(a, at);
}

int64_t findc_rt_str_index_of(Context* ctx, const Str* a, const Str* b) {
  int64_t at = findBytes(a, b, 0);
  if (at < 0) {
    ctx->fail(ErrorKind::ValueError);
    return 0;
  }
  return indexOfOffset(a, at);
}

int64_t findc_rt_str_count(Context*, const Str* a, const Str* b) { return countNonOverlapping(a, b); }

const Str* findc_rt_str_replace(Context* ctx, const Str* s, const Str* old, const Str* with) {
  int64_t n = countNonOverlapping(s, old);
  if (n == 0 || strEq(old, with))
    return s;
  int64_t bytes = s->bytes + n * (with->bytes - old->bytes);
  if (tooBig(ctx, bytes))
    return &kEmpty;
  int64_t length = s->length + n * (with->length - old->length);
  if (bytes == 0)
    return &kEmpty;
  char* out;
  const Str* r = newStr(arenaOf(ctx), bytes, length, out);
  char* w = out;
  auto put = [&](const char* data, int64_t size) {
    std::memcpy(w, data, static_cast<size_t>(size));
    w += size;
  };
  if (old->bytes == 0) {
    // Python inserts `with` before every character and at the end.
    for (int64_t at = 0; at < s->bytes;) {
      int64_t len = seqLen(bytesOf(s)[at]);
      put(with->data, with->bytes);
      put(s->data + at, len);
      at += len;
    }
    put(with->data, with->bytes);
    return r;
  }
  int64_t from = 0;
  for (int64_t at = findBytes(s, old, 0); at >= 0; at = findBytes(s, old, from)) {
    put(s->data + from, at - from);
    put(with->data, with->bytes);
    from = at + old->bytes;
  }
  put(s->data + from, s->bytes - from);
  return r;
}

bool findc_rt_str_startswith(Context*, const Str* s, const Str* prefix) {
  return prefix->bytes <= s->bytes && std::memcmp(s->data, prefix->data, static_cast<size_t>(prefix->bytes)) == 0;
}

bool findc_rt_str_endswith(Context*, const Str* s, const Str* suffix) {
  return suffix->bytes <= s->bytes &&
         std::memcmp(s->data + (s->bytes - suffix->bytes), suffix->data, static_cast<size_t>(suffix->bytes)) == 0;
}

const Str* findc_rt_str_lower(Context* ctx, const Str* s) {
  if (isAscii(s))
    return mapAscii(ctx, s, [](int64_t, char c) { return lowerAscii(c); });
  return fromText(ctx, s, toLower(s->view()));
}

const Str* findc_rt_str_upper(Context* ctx, const Str* s) {
  if (isAscii(s))
    return mapAscii(ctx, s, [](int64_t, char c) { return upperAscii(c); });
  return fromText(ctx, s, toUpper(s->view()));
}

const Str* findc_rt_str_capitalize(Context* ctx, const Str* s) {
  // For ASCII letters title case is upper case.
  if (isAscii(s))
    return mapAscii(ctx, s, [](int64_t i, char c) { return i == 0 ? upperAscii(c) : lowerAscii(c); });
  return fromText(ctx, s, capitalize(s->view()));
}

const Str* findc_rt_str_strip(Context* ctx, const Str* s) { return stripSides(ctx, s, Side::Both); }
const Str* findc_rt_str_lstrip(Context* ctx, const Str* s) { return stripSides(ctx, s, Side::Left); }
const Str* findc_rt_str_rstrip(Context* ctx, const Str* s) { return stripSides(ctx, s, Side::Right); }

bool findc_rt_str_isalpha(Context*, const Str* s) {
  if (isAscii(s))
    return allAscii(s, asciiLetter);
  return isAlpha(s->view());
}

bool findc_rt_str_isdigit(Context*, const Str* s) {
  if (isAscii(s))
    return allAscii(s, asciiDigit);
  return isDigit(s->view());
}

bool findc_rt_str_isspace(Context*, const Str* s) {
  if (isAscii(s))
    return allAscii(s, [](char c) { return kAsciiSpace[static_cast<unsigned char>(c)]; });
  return isSpace(s->view());
}

bool findc_rt_str_isupper(Context*, const Str* s) { return isAscii(s) ? casedAscii(s, true) : isUpper(s->view()); }
bool findc_rt_str_islower(Context*, const Str* s) { return isAscii(s) ? casedAscii(s, false) : isLower(s->view()); }

int64_t findc_rt_str_ord(Context* ctx, const Str* s) {
  if (s->length != 1) {
    ctx->fail(ErrorKind::TypeError);
    return 0;
  }
  size_t at = 0;
  return decodeUtf8(s->view(), at);
}

// Lone surrogates (0xD800..0xDFFF) are encoded in three bytes like any other
// BMP code point (generalized UTF-8), so ord(chr(c)) == c and len == 1.
const Str* findc_rt_str_chr(Context* ctx, int64_t c) {
  if (c < 0 || c > 0x10FFFF) {
    ctx->fail(ErrorKind::ValueError);
    return &kEmpty;
  }
  if (c < 0x80)
    return &kAscii[c];
  char buf[4];
  auto len = static_cast<int64_t>(encodeUtf8(static_cast<char32_t>(c), buf));
  return strOf(arenaOf(ctx), buf, len, 1);
}

double findc_rt_str_py_float(Context* ctx, const Str* s) {
  if (std::optional<double> value = pythonFloatOf(s->view()))
    return *value;
  ctx->fail(ErrorKind::ValueError);
  return 0.0;
}

int64_t findc_rt_str_py_int(Context* ctx, const Str* s) {
  if (std::optional<int64_t> value = parsePythonInt(ctx, s->view()))
    return *value;
  ctx->fail(ErrorKind::ValueError);
  return 0;
}

const Str* findc_rt_str_from_int(Context* ctx, int64_t n) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  int64_t len = end - buf;
  return strOf(arenaOf(ctx), buf, len, len);
}

const Str* findc_rt_str_from_real(Context* ctx, double x) {
  std::string text = formatPython(Scalar::ofReal(x));
  auto len = static_cast<int64_t>(text.size());
  return strOf(arenaOf(ctx), text.data(), len, len);
}

const Str* findc_rt_str_from_bool(Context*, bool b) { return b ? &kTrue : &kFalse; }

const Str* findc_rt_str_number_words(Context* ctx, int64_t n) {
  if (n < 0 || n > 30) {
    ctx->fail(ErrorKind::KeyError);
    return &kEmpty;
  }
  return &kNumberWords[n];
}

const List* findc_rt_str_split_ws(Context* ctx, const Str* s) {
  const unsigned char* p = bytesOf(s);
  bool ascii = isAscii(s);
  // Visits the words as byte ranges; run twice (count, then fill) so the
  // list is allocated once without a temporary vector.
  auto words = [&](auto&& visit) {
    int64_t i = 0, n = s->bytes;
    auto spaceAt = [&](int64_t at, int64_t& len) {
      len = ascii ? 1 : seqLen(p[at]);
      return ascii ? kAsciiSpace[p[at]] : isSpaceAt(p + at, len);
    };
    int64_t len = 1;
    while (i < n) {
      while (i < n && spaceAt(i, len))
        i += len;
      if (i == n)
        break;
      int64_t b = i;
      while (i < n && !spaceAt(i, len))
        i += len;
      visit(b, i);
    }
  };
  int64_t count = 0;
  words([&](int64_t, int64_t) { ++count; });
  if (count == 0)
    return &kEmptyList;
  Elem* items;
  const List* list = newList(arenaOf(ctx), count, items);
  int64_t k = 0;
  words([&](int64_t b, int64_t e) { items[k++].s = byteSlice(arenaOf(ctx), s, b, e); });
  return list;
}

const List* findc_rt_str_split(Context* ctx, const Str* s, const Str* sep) {
  if (sep->bytes == 0) {
    ctx->fail(ErrorKind::ValueError);
    return &kEmptyList;
  }
  int64_t count = countNonOverlapping(s, sep) + 1;
  Elem* items;
  const List* list = newList(arenaOf(ctx), count, items);
  int64_t from = 0, k = 0;
  for (int64_t at = findBytes(s, sep, 0); at >= 0; at = findBytes(s, sep, from)) {
    items[k++].s = byteSlice(arenaOf(ctx), s, from, at);
    from = at + sep->bytes;
  }
  items[k].s = byteSlice(arenaOf(ctx), s, from, s->bytes);
  return list;
}

const Str* findc_rt_str_join(Context* ctx, const Str* sep, const List* list) {
  if (list->size == 0)
    return &kEmpty;
  if (list->size == 1)
    return list->items[0].s;
  int64_t bytes = sep->bytes * (list->size - 1), length = sep->length * (list->size - 1);
  for (int64_t i = 0; i < list->size; ++i) {
    bytes += list->items[i].s->bytes;
    length += list->items[i].s->length;
    if (tooBig(ctx, bytes))
      return &kEmpty;
  }
  if (bytes == 0)
    return &kEmpty;
  char* out;
  const Str* r = newStr(arenaOf(ctx), bytes, length, out);
  for (int64_t i = 0; i < list->size; ++i) {
    if (i > 0) {
      std::memcpy(out, sep->data, static_cast<size_t>(sep->bytes));
      out += sep->bytes;
    }
    const Str* item = list->items[i].s;
    std::memcpy(out, item->data, static_cast<size_t>(item->bytes));
    out += item->bytes;
  }
  return r;
}

// ---- list[str], list[int] ----

const List* findc_rt_strlist_empty(Context*) { return &kEmptyList; }

const List* findc_rt_strlist_append(Context* ctx, const List* l, const Str* s) {
  if (tooBig(ctx, (l->size + 1) * static_cast<int64_t>(sizeof(Elem))))
    return &kEmptyList;
  Elem* items;
  const List* r = newList(arenaOf(ctx), l->size + 1, items);
  std::copy_n(l->items, l->size, items);
  items[l->size].s = s;
  return r;
}

const List* findc_rt_strlist_sorted(Context* ctx, const List* l, bool reverse) {
  Elem* items;
  const List* r = newList(arenaOf(ctx), l->size, items);
  std::copy_n(l->items, l->size, items);
  // UTF-8 byte order is code point order, Python's order of str
  auto less = [](Elem a, Elem b) { return a.s->view() < b.s->view(); };
  if (reverse)
    std::stable_sort(items, items + l->size, [&](Elem a, Elem b) { return less(b, a); });
  else
    std::stable_sort(items, items + l->size, less);
  return r;
}

const List* findc_rt_strlist_sorted_by_int(Context* ctx, const List* l, const List* keys, bool reverse) {
  return sortedByKeys(ctx, l, keys, reverse, intKeyLess);
}
const List* findc_rt_strlist_sorted_by_str(Context* ctx, const List* l, const List* keys, bool reverse) {
  return sortedByKeys(ctx, l, keys, reverse, strKeyLess);
}
const List* findc_rt_intlist_sorted_by_int(Context* ctx, const List* l, const List* keys, bool reverse) {
  return sortedByKeys(ctx, l, keys, reverse, intKeyLess);
}
const List* findc_rt_intlist_sorted_by_str(Context* ctx, const List* l, const List* keys, bool reverse) {
  return sortedByKeys(ctx, l, keys, reverse, strKeyLess);
}

const List* findc_rt_strlist_sorted_by_real(Context* ctx, const List* l, const List* keys, bool reverse) {
  return sortedByKeys(ctx, l, keys, reverse, realKeyLess);
}
const List* findc_rt_intlist_sorted_by_real(Context* ctx, const List* l, const List* keys, bool reverse) {
  return sortedByKeys(ctx, l, keys, reverse, realKeyLess);
}
const List* findc_rt_reallist_sorted_by_int(Context* ctx, const List* l, const List* keys, bool reverse) {
  return sortedByKeys(ctx, l, keys, reverse, intKeyLess);
}
const List* findc_rt_reallist_sorted_by_str(Context* ctx, const List* l, const List* keys, bool reverse) {
  return sortedByKeys(ctx, l, keys, reverse, strKeyLess);
}
const List* findc_rt_reallist_sorted_by_real(Context* ctx, const List* l, const List* keys, bool reverse) {
  return sortedByKeys(ctx, l, keys, reverse, realKeyLess);
}
const List* findc_rt_reallist_sorted(Context* ctx, const List* l, bool reverse) {
  return sortedByKeys(ctx, l, l, reverse, realKeyLess); // each float its own key
}

const List* findc_rt_str_sorted_chars(Context* ctx, const Str* s, bool reverse) {
  if (tooBig(ctx, s->length * static_cast<int64_t>(sizeof(Elem) + sizeof(Str))))
    return &kEmptyList;
  Elem* items;
  const List* r = newList(arenaOf(ctx), s->length, items);
  std::string_view v = s->view();
  for (size_t at = 0, k = 0; at < v.size(); ++k) {
    size_t next = at + utf8SequenceLength(static_cast<unsigned char>(v[at]));
    items[k].s = byteSlice(arenaOf(ctx), s, static_cast<int64_t>(at), static_cast<int64_t>(next));
    at = next;
  }
  return findc_rt_strlist_sorted(ctx, r, reverse);
}

const List* findc_rt_intlist_sorted(Context* ctx, const List* l, bool reverse) {
  Elem* items;
  const List* r = newList(arenaOf(ctx), l->size, items);
  std::copy_n(l->items, l->size, items);
  if (reverse)
    std::sort(items, items + l->size, [](Elem a, Elem b) { return a.i > b.i; });
  else
    std::sort(items, items + l->size, [](Elem a, Elem b) { return a.i < b.i; });
  return r;
}

const List* findc_rt_strlist_concat(Context* ctx, const List* a, const List* b) {
  if (b->size == 0)
    return a;
  if (a->size == 0)
    return b;
  if (tooBig(ctx, (a->size + b->size) * static_cast<int64_t>(sizeof(Elem))))
    return &kEmptyList;
  Elem* items;
  const List* r = newList(arenaOf(ctx), a->size + b->size, items);
  std::copy_n(a->items, a->size, items);
  std::copy_n(b->items, b->size, items + a->size);
  return r;
}

int64_t findc_rt_strlist_len(Context*, const List* l) { return l->size; }

const Str* findc_rt_strlist_get(Context* ctx, const List* l, int64_t i) {
  int64_t k = normIndex(i, l->size);
  if (k < 0 || k >= l->size) {
    ctx->fail(ErrorKind::IndexError);
    return &kEmpty;
  }
  return l->items[k].s;
}

bool findc_rt_strlist_contains(Context*, const List* l, const Str* s) {
  for (int64_t i = 0; i < l->size; ++i)
    if (strEq(l->items[i].s, s))
      return true;
  return false;
}

bool findc_rt_strlist_eq(Context*, const List* a, const List* b) {
  if (a->size != b->size)
    return false;
  for (int64_t i = 0; i < a->size; ++i)
    if (!strEq(a->items[i].s, b->items[i].s))
      return false;
  return true;
}

const List* findc_rt_strlist_slice(Context* ctx, const List* l, int64_t start, int64_t stop, int64_t step) {
  if (step == 0) {
    ctx->fail(ErrorKind::ValueError);
    return &kEmptyList;
  }
  step = std::max<int64_t>(step, -INT64_MAX); // as str.slice
  int64_t count = adjustSlice(l->size, start, stop, step);
  if (count <= 0)
    return &kEmptyList;
  if (count == l->size && step == 1)
    return l;
  Elem* items;
  const List* r = newList(arenaOf(ctx), count, items);
  for (int64_t k = 0; k < count; ++k)
    items[k] = l->items[start + k * step];
  return r;
}

const List* findc_rt_intlist_empty(Context*) { return &kEmptyList; }

const List* findc_rt_intlist_append(Context* ctx, const List* l, int64_t v) { return appendItem<&Elem::i>(ctx, l, v); }

const List* findc_rt_intlist_concat(Context* ctx, const List* a, const List* b) {
  return findc_rt_strlist_concat(ctx, a, b); // the same Elem copies
}

const List* findc_rt_intlist_slice(Context* ctx, const List* l, int64_t start, int64_t stop, int64_t step) {
  return findc_rt_strlist_slice(ctx, l, start, stop, step); // the same Elem copies
}

int64_t findc_rt_intlist_len(Context*, const List* l) { return l->size; }

int64_t findc_rt_intlist_get(Context* ctx, const List* l, int64_t i) { return itemAt<&Elem::i, int64_t>(ctx, l, i); }

bool findc_rt_intlist_contains(Context*, const List* l, int64_t v) { return hasItem<&Elem::i>(l, v); }

bool findc_rt_intlist_eq(Context*, const List* a, const List* b) { return sameItems<&Elem::i>(a, b); }

// ---- list[real] ----

const List* findc_rt_reallist_empty(Context*) { return &kEmptyList; }

const List* findc_rt_reallist_append(Context* ctx, const List* l, double v) { return appendItem<&Elem::r>(ctx, l, v); }

const List* findc_rt_reallist_concat(Context* ctx, const List* a, const List* b) {
  return findc_rt_strlist_concat(ctx, a, b); // the same Elem copies
}

const List* findc_rt_reallist_slice(Context* ctx, const List* l, int64_t start, int64_t stop, int64_t step) {
  return findc_rt_strlist_slice(ctx, l, start, stop, step); // the same Elem copies
}

int64_t findc_rt_reallist_len(Context*, const List* l) { return l->size; }

double findc_rt_reallist_get(Context* ctx, const List* l, int64_t i) { return itemAt<&Elem::r, double>(ctx, l, i); }

// == of floats: -0.0 is in [0.0], a nan in no list (CPython's identity test aside)
bool findc_rt_reallist_contains(Context*, const List* l, double v) { return hasItem<&Elem::r>(l, v); }

bool findc_rt_reallist_eq(Context*, const List* a, const List* b) { return sameItems<&Elem::r>(a, b); }

} // extern "C"

namespace {

// ---- maps: each operation once, over the key's and the value's member of
// Elem (K, V) ----

template <class T> Elem elemOf(T v) {
  Elem e;
  if constexpr (std::is_same_v<T, int64_t>)
    e.i = v;
  else if constexpr (std::is_same_v<T, double>)
    e.r = v;
  else
    e.s = v;
  return e;
}

template <auto K, auto V> const Map* mapInsert(Context* ctx, const Map* m, Elem key, Elem value) {
  int64_t at = findKey<K>(m, key);
  int64_t size = at >= 0 ? m->size : m->size + 1;
  int64_t bytes = size * 2 * static_cast<int64_t>(sizeof(Elem));
  ctx->mapBytes += bytes;
  if (tooBig(ctx, bytes))
    return &kEmptyMap;
  if (ctx->mapBytes > maxMapBytes) {
    ctx->fail(ErrorKind::BudgetExceeded);
    return &kEmptyMap;
  }
  Elem* keys;
  Elem* values;
  const Map* r = newMap(arenaOf(ctx), size, keys, values);
  std::copy_n(m->keys, m->size, keys);
  std::copy_n(m->values, m->size, values);
  // A repeated key keeps its place (and its first key object, as Python's
  // dict: d[True] = 1 after d[1] = 0 keeps the key 1) and takes the new value.
  if (at < 0) {
    keys[m->size] = key;
    at = m->size;
  }
  values[at] = value;
  return r;
}

template <auto K> bool mapContains(const Map* m, Elem key) { return findKey<K>(m, key) >= 0; }

template <auto K, auto V> auto mapGet(const Map* m, Elem key, Elem fallback) {
  int64_t at = findKey<K>(m, key);
  return (at >= 0 ? m->values[at] : fallback).*V;
}

template <auto K, auto V> auto mapLookup(Context* ctx, const Map* m, Elem key) {
  int64_t at = findKey<K>(m, key);
  if (at < 0) {
    ctx->fail(ErrorKind::KeyError);
    if constexpr (std::is_same_v<decltype(V), const Str* Elem::*>)
      return static_cast<const Str*>(&kEmpty);
    else
      return Elem{.i = 0}.*V;
  }
  return m->values[at].*V;
}

// Python's dict ==: the same keys with equal values, in any order.
template <auto K, auto V> bool mapEq(const Map* a, const Map* b) {
  if (a->size != b->size)
    return false;
  for (int64_t i = 0; i < a->size; ++i) {
    // Same position first: maps built the same way have the same order.
    int64_t at = sameElem<K>(a->keys[i], b->keys[i]) ? i : findKey<K>(b, a->keys[i]);
    if (at < 0 || !sameElem<V>(a->values[i], b->values[at]))
      return false;
  }
  return true;
}

// list(m) and list(m.values()): the Elems in insertion order.
const List* mapItems(Context* ctx, int64_t size, const Elem* items) {
  if (size == 0)
    return &kEmptyList;
  Elem* out;
  const List* r = newList(arenaOf(ctx), size, out);
  std::copy_n(items, size, out);
  return r;
}

} // namespace

// The extern "C" functions of one map type: PREFIX (map, strintmap, ...),
// its key's and value's C types and Elem members.
#define FINDC_MAP_FUNCTIONS(PREFIX, KT, K, VT, V)                                                                      \
  const Map* findc_rt_##PREFIX##_empty(Context*) { return &kEmptyMap; }                                             \
  const Map* findc_rt_##PREFIX##_insert(Context* ctx, const Map* m, KT key, VT value) {                              \
    return mapInsert<&Elem::K, &Elem::V>(ctx, m, elemOf(key), elemOf(value));                                         \
  }                                                                                                                    \
  int64_t findc_rt_##PREFIX##_len(Context*, const Map* m) { return m->size; }                                        \
  VT findc_rt_##PREFIX##_get(Context*, const Map* m, KT key, VT fallback) {                                          \
    return mapGet<&Elem::K, &Elem::V>(m, elemOf(key), elemOf(fallback));                                              \
  }                                                                                                                    \
  VT findc_rt_##PREFIX##_lookup(Context* ctx, const Map* m, KT key) {                                                \
    return mapLookup<&Elem::K, &Elem::V>(ctx, m, elemOf(key));                                                        \
  }                                                                                                                    \
  bool findc_rt_##PREFIX##_contains(Context*, const Map* m, KT key) { return mapContains<&Elem::K>(m, elemOf(key)); } \
  bool findc_rt_##PREFIX##_eq(Context*, const Map* a, const Map* b) { return mapEq<&Elem::K, &Elem::V>(a, b); }       \
  const List* findc_rt_##PREFIX##_keys(Context* ctx, const Map* m) { return mapItems(ctx, m->size, m->keys); }       \
  const List* findc_rt_##PREFIX##_values(Context* ctx, const Map* m) { return mapItems(ctx, m->size, m->values); }

extern "C" {
FINDC_MAP_FUNCTIONS(map, const Str*, s, const Str*, s)
FINDC_MAP_FUNCTIONS(strintmap, const Str*, s, int64_t, i)
FINDC_MAP_FUNCTIONS(strrealmap, const Str*, s, double, r)
FINDC_MAP_FUNCTIONS(intstrmap, int64_t, i, const Str*, s)
FINDC_MAP_FUNCTIONS(intintmap, int64_t, i, int64_t, i)
FINDC_MAP_FUNCTIONS(intrealmap, int64_t, i, double, r)
#undef FINDC_MAP_FUNCTIONS

// ---- loops ----

// One loop iteration: false once an error is recorded (a failed evaluation
// stops looping) or, recording BudgetExceeded, when the budget is spent.
bool findc_rt_loop_tick(Context* ctx) {
  if (ctx->error != 0)
    return false;
  if (ctx->budget <= 0) {
    ctx->fail(ErrorKind::BudgetExceeded);
    return false;
  }
  --ctx->budget;
  return true;
}

bool findc_rt_py_enter(Context* ctx) {
  if (!findc_rt_loop_tick(ctx))
    return false;
  if (ctx->depth >= maxRecursionDepth) {
    ctx->fail(ErrorKind::RecursionError);
    return false;
  }
  ++ctx->depth;
  return true;
}

bool findc_rt_py_leave(Context* ctx) {
  --ctx->depth;
  return true;
}

int64_t findc_rt_range_step(Context* ctx, int64_t step) {
  if (step == 0)
    ctx->fail(ErrorKind::ValueError); // "range() arg 3 must not be zero"
  return step;
}

void findc_rt_arena_reset(Context* ctx) {
  ctx->arena->reset();
  ctx->mapBytes = 0;
  ctx->arenaStart = 0;
}

} // extern "C"

// ------------------------------- str methods of Python hypotheses ----

namespace {

// CPython's ADJUST_INDICES for find/count(sub, start, end): negative
// indices count from the end, then both clamp to [0, length] (start is
// not clamped above: a start past the end finds nothing).
void adjustFindRange(int64_t length, int64_t& start, int64_t& end) {
  if (end > length)
    end = length;
  else if (end < 0)
    end = std::max<int64_t>(end + length, 0);
  if (start < 0)
    start = std::max<int64_t>(start + length, 0);
}

// The code point index of sub's first (last) occurrence in s[start:end],
// or -1, as CPython's any_find_slice.
int64_t findInRange(const Str* s, const Str* sub, int64_t start, int64_t end, bool last) {
  adjustFindRange(s->length, start, end);
  if (end - start < sub->length)
    return -1;
  if (sub->length == 0)
    return last ? end : start;
  int64_t b = offsetOf(s, start), e = offsetOf(s, end);
  std::string_view window = s->view().substr(static_cast<size_t>(b), static_cast<size_t>(e - b));
  // UTF-8 is self-synchronizing: a byte match starts on a code point.
  size_t hit = last ? window.rfind(sub->view()) : window.find(sub->view());
  if (hit == std::string_view::npos)
    return -1;
  return start + (isAscii(s) ? static_cast<int64_t>(hit) : countCodePoints(bytesOf(s) + b, static_cast<int64_t>(hit)));
}

// s.count(sub, start, end): non-overlapping, as CPython's count.
int64_t countInRange(const Str* s, const Str* sub, int64_t start, int64_t end) {
  adjustFindRange(s->length, start, end);
  if (end - start < sub->length)
    return 0;
  if (sub->length == 0)
    return end - start + 1;
  int64_t b = offsetOf(s, start), e = offsetOf(s, end);
  std::string_view window = s->view().substr(static_cast<size_t>(b), static_cast<size_t>(e - b));
  int64_t count = 0;
  for (size_t at = window.find(sub->view()); at != std::string_view::npos;
       at = window.find(sub->view(), at + sub->view().size()))
    ++count;
  return count;
}

// s padded with `left` and `right` copies of the one-character `fill`
// (CPython's pad); BudgetExceeded past the size bound.
const Str* pad(Context* ctx, const Str* s, int64_t left, int64_t right, const Str* fill) {
  if (left <= 0 && right <= 0)
    return s;
  left = std::max<int64_t>(left, 0);
  right = std::max<int64_t>(right, 0);
  int64_t count = left + right; // both below a width, so no overflow
  if (count > maxValueBytes / fill->bytes || tooBig(ctx, s->bytes + count * fill->bytes)) {
    ctx->fail(ErrorKind::BudgetExceeded);
    return &kEmpty;
  }
  char* out;
  const Str* r = newStr(arenaOf(ctx), s->bytes + count * fill->bytes, s->length + count, out);
  auto fillRun = [&](char* at, int64_t n) {
    if (fill->bytes == 1) {
      std::memset(at, fill->data[0], static_cast<size_t>(n));
      return;
    }
    for (int64_t k = 0; k < n; ++k)
      std::memcpy(at + k * fill->bytes, fill->data, static_cast<size_t>(fill->bytes));
  };
  fillRun(out, left);
  std::memcpy(out + left * fill->bytes, s->data, static_cast<size_t>(s->bytes));
  fillRun(out + left * fill->bytes + s->bytes, right);
  return r;
}

// center/ljust/rjust's fill character: exactly one, else TypeError.
bool oneCharacter(Context* ctx, const Str* fill) {
  if (fill->length == 1)
    return true;
  ctx->fail(ErrorKind::TypeError); // "The fill character must be exactly one character long"
  return false;
}

// s.strip(chars): the code points of `chars` removed from the sides given.
const Str* stripChars(Context* ctx, const Str* s, const Str* chars, Side side) {
  bool left = static_cast<int>(side) & 1, right = static_cast<int>(side) & 2;
  if (s->bytes == 0 || chars->bytes == 0)
    return s;
  std::string_view set = chars->view();
  const unsigned char* p = bytesOf(s);
  // Whether the code point of `len` bytes at byte `at` is one of `chars`
  // (a byte match of a whole sequence is that code point).
  auto member = [&](int64_t at, int64_t len) {
    std::string_view cp(s->data + at, static_cast<size_t>(len));
    for (size_t i = set.find(cp); i != std::string_view::npos; i = set.find(cp, i + 1))
      if (!isUtf8Continuation(static_cast<unsigned char>(set[i])))
        return true;
    return false;
  };
  int64_t b = 0, e = s->bytes;
  if (left)
    while (b < e && member(b, seqLen(p[b])))
      b += seqLen(p[b]);
  if (right)
    while (e > b) {
      int64_t at = e - 1;
      while (at > b && isUtf8Continuation(p[at]))
        --at;
      if (!member(at, e - at))
        break;
      e = at;
    }
  return byteSlice(arenaOf(ctx), s, b, e);
}

} // namespace

extern "C" {

const Str* findc_rt_str_title(Context* ctx, const Str* s) {
  // An ASCII letter after a letter is lowercased, any other uppercased.
  if (isAscii(s))
    return mapAscii(ctx, s, [s](int64_t i, char c) {
      return i > 0 && asciiLetter(s->data[i - 1]) ? lowerAscii(c) : upperAscii(c);
    });
  return fromText(ctx, s, title(s->view()));
}

const Str* findc_rt_str_swapcase(Context* ctx, const Str* s) {
  if (isAscii(s))
    return mapAscii(ctx, s, [](int64_t, char c) { return c >= 'a' && c <= 'z' ? upperAscii(c) : lowerAscii(c); });
  return fromText(ctx, s, swapCase(s->view()));
}

const Str* findc_rt_str_casefold(Context* ctx, const Str* s) {
  if (isAscii(s))
    return mapAscii(ctx, s, [](int64_t, char c) { return lowerAscii(c); });
  return fromText(ctx, s, caseFold(s->view()));
}

// '0's on the left to `width` code points, after a leading sign.
const Str* findc_rt_str_zfill(Context* ctx, const Str* s, int64_t width) {
  if (width <= s->length)
    return s;
  const Str* padded = pad(ctx, s, width - s->length, 0, &kAscii['0']);
  if (padded == s || padded->bytes == 0 || s->bytes == 0 || (s->data[0] != '+' && s->data[0] != '-'))
    return padded;
  char* out = const_cast<char*>(padded->data); // just made, not yet shared
  int64_t fill = width - s->length;
  out[0] = s->data[0];
  out[fill] = '0';
  return padded;
}

const Str* findc_rt_str_center(Context* ctx, const Str* s, int64_t width, const Str* fill) {
  if (!oneCharacter(ctx, fill))
    return &kEmpty;
  if (width <= s->length)
    return s;
  int64_t margin = width - s->length;
  int64_t left = margin / 2 + (margin & width & 1); // CPython's rounding of an odd margin
  return pad(ctx, s, left, margin - left, fill);
}

const Str* findc_rt_str_ljust(Context* ctx, const Str* s, int64_t width, const Str* fill) {
  if (!oneCharacter(ctx, fill))
    return &kEmpty;
  return width <= s->length ? s : pad(ctx, s, 0, width - s->length, fill);
}

const Str* findc_rt_str_rjust(Context* ctx, const Str* s, int64_t width, const Str* fill) {
  if (!oneCharacter(ctx, fill))
    return &kEmpty;
  return width <= s->length ? s : pad(ctx, s, width - s->length, 0, fill);
}

const Str* findc_rt_str_strip_chars(Context* ctx, const Str* s, const Str* chars) {
  return stripChars(ctx, s, chars, Side::Both);
}
const Str* findc_rt_str_lstrip_chars(Context* ctx, const Str* s, const Str* chars) {
  return stripChars(ctx, s, chars, Side::Left);
}
const Str* findc_rt_str_rstrip_chars(Context* ctx, const Str* s, const Str* chars) {
  return stripChars(ctx, s, chars, Side::Right);
}

int64_t findc_rt_str_find_in(Context*, const Str* s, const Str* sub, int64_t start, int64_t end) {
  return findInRange(s, sub, start, end, false);
}

int64_t findc_rt_str_rfind(Context*, const Str* s, const Str* sub) {
  return findInRange(s, sub, 0, INT64_MAX, true);
}

int64_t findc_rt_str_rfind_in(Context*, const Str* s, const Str* sub, int64_t start, int64_t end) {
  return findInRange(s, sub, start, end, true);
}

int64_t findc_rt_str_index_in(Context* ctx, const Str* s, const Str* sub, int64_t start, int64_t end) {
  int64_t at = findInRange(s, sub, start, end, false);
  if (at < 0)
    ctx->fail(ErrorKind::ValueError); // "substring not found"
  return std::max<int64_t>(at, 0);
}

int64_t findc_rt_str_rindex_in(Context* ctx, const Str* s, const Str* sub, int64_t start, int64_t end) {
  int64_t at = findInRange(s, sub, start, end, true);
  if (at < 0)
    ctx->fail(ErrorKind::ValueError);
  return std::max<int64_t>(at, 0);
}

int64_t findc_rt_str_rindex(Context* ctx, const Str* s, const Str* sub) {
  return findc_rt_str_rindex_in(ctx, s, sub, 0, INT64_MAX);
}

int64_t findc_rt_str_count_in(Context*, const Str* s, const Str* sub, int64_t start, int64_t end) {
  return countInRange(s, sub, start, end);
}

bool findc_rt_str_isalnum(Context*, const Str* s) {
  if (isAscii(s))
    return allAscii(s, [](char c) { return asciiLetter(c) || asciiDigit(c); });
  return isAlnum(s->view());
}

bool findc_rt_str_isdecimal(Context*, const Str* s) {
  if (isAscii(s))
    return allAscii(s, asciiDigit);
  return isDecimal(s->view());
}

bool findc_rt_str_isnumeric(Context*, const Str* s) {
  if (isAscii(s))
    return allAscii(s, asciiDigit);
  return isNumeric(s->view());
}

const Str* findc_rt_str_removeprefix(Context* ctx, const Str* s, const Str* prefix) {
  if (!findc_rt_str_startswith(ctx, s, prefix))
    return s;
  return byteSlice(arenaOf(ctx), s, prefix->bytes, s->bytes);
}

const Str* findc_rt_str_removesuffix(Context* ctx, const Str* s, const Str* suffix) {
  if (!findc_rt_str_endswith(ctx, s, suffix))
    return s;
  return byteSlice(arenaOf(ctx), s, 0, s->bytes - suffix->bytes);
}

} // extern "C"

// ---------------------------------------------------- the op table ----

namespace {

// Every op and its function. The static_asserts below check this list
// against StrOps.def: each op exactly once, the symbol is
// "findc_rt_" + mnemonic with '.' -> '_', and the C signature matches the
// operand and result types.
// The nine operations of one map type, as FINDC_STR_FUNCTIONS names them.
#define FINDC_MAP_OPS(X, T, PREFIX)                                                                                    \
  X(T##Empty, findc_rt_##PREFIX##_empty)                                                                               \
  X(T##Insert, findc_rt_##PREFIX##_insert)                                                                             \
  X(T##Len, findc_rt_##PREFIX##_len)                                                                                   \
  X(T##Get, findc_rt_##PREFIX##_get)                                                                                   \
  X(T##Lookup, findc_rt_##PREFIX##_lookup)                                                                             \
  X(T##Contains, findc_rt_##PREFIX##_contains)                                                                         \
  X(T##Eq, findc_rt_##PREFIX##_eq)                                                                                     \
  X(T##Keys, findc_rt_##PREFIX##_keys)                                                                                 \
  X(T##Values, findc_rt_##PREFIX##_values)

#define FINDC_STR_FUNCTIONS(X)                                                                                         \
  X(StrConcat, findc_rt_str_concat)                                                                                    \
  X(StrRepeat, findc_rt_str_repeat)                                                                                    \
  X(StrLen, findc_rt_str_len)                                                                                          \
  X(StrIndex, findc_rt_str_index)                                                                                      \
  X(StrSlice, findc_rt_str_slice)                                                                                      \
  X(StrEq, findc_rt_str_eq)                                                                                            \
  X(StrCompare, findc_rt_str_cmp)                                                                                      \
  X(StrContains, findc_rt_str_contains)                                                                                \
  X(StrFind, findc_rt_str_find)                                                                                        \
  X(StrIndexOf, findc_rt_str_index_of)                                                                                 \
  X(StrCount, findc_rt_str_count)                                                                                      \
  X(StrReplace, findc_rt_str_replace)                                                                                  \
  X(StrStartsWith, findc_rt_str_startswith)                                                                            \
  X(StrEndsWith, findc_rt_str_endswith)                                                                                \
  X(StrLower, findc_rt_str_lower)                                                                                      \
  X(StrUpper, findc_rt_str_upper)                                                                                      \
  X(StrCapitalize, findc_rt_str_capitalize)                                                                            \
  X(StrStrip, findc_rt_str_strip)                                                                                      \
  X(StrLStrip, findc_rt_str_lstrip)                                                                                    \
  X(StrRStrip, findc_rt_str_rstrip)                                                                                    \
  X(StrIsAlpha, findc_rt_str_isalpha)                                                                                  \
  X(StrIsDigit, findc_rt_str_isdigit)                                                                                  \
  X(StrIsSpace, findc_rt_str_isspace)                                                                                  \
  X(StrIsUpper, findc_rt_str_isupper)                                                                                  \
  X(StrIsLower, findc_rt_str_islower)                                                                                  \
  X(StrOrd, findc_rt_str_ord)                                                                                          \
  X(StrChr, findc_rt_str_chr)                                                                                          \
  X(StrFromInt, findc_rt_str_from_int)                                                                                 \
  X(StrFromReal, findc_rt_str_from_real)                                                                               \
  X(StrFromBool, findc_rt_str_from_bool)                                                                               \
  X(StrNumberWords, findc_rt_str_number_words)                                                                         \
  X(StrSplitWhitespace, findc_rt_str_split_ws)                                                                         \
  X(StrSplit, findc_rt_str_split)                                                                                      \
  X(StrJoin, findc_rt_str_join)                                                                                        \
  X(StrListEmpty, findc_rt_strlist_empty)                                                                              \
  X(StrListSorted, findc_rt_strlist_sorted)                                                                            \
  X(StrListSortedByInt, findc_rt_strlist_sorted_by_int)                                                                \
  X(StrListSortedByStr, findc_rt_strlist_sorted_by_str)                                                                \
  X(IntListSortedByInt, findc_rt_intlist_sorted_by_int)                                                                \
  X(IntListSortedByStr, findc_rt_intlist_sorted_by_str)                                                                \
  X(StrSortedChars, findc_rt_str_sorted_chars)                                                                          \
  X(IntListSorted, findc_rt_intlist_sorted)                                                                            \
  X(StrListAppend, findc_rt_strlist_append)                                                                            \
  X(StrListConcat, findc_rt_strlist_concat)                                                                            \
  X(StrListLen, findc_rt_strlist_len)                                                                                  \
  X(StrListGet, findc_rt_strlist_get)                                                                                  \
  X(StrListContains, findc_rt_strlist_contains)                                                                        \
  X(StrListEq, findc_rt_strlist_eq)                                                                                    \
  X(StrListSlice, findc_rt_strlist_slice)                                                                              \
  X(IntListSlice, findc_rt_intlist_slice)                                                                              \
  X(IntListEmpty, findc_rt_intlist_empty)                                                                              \
  X(IntListAppend, findc_rt_intlist_append)                                                                            \
  X(IntListConcat, findc_rt_intlist_concat)                                                                            \
  X(IntListLen, findc_rt_intlist_len)                                                                                  \
  X(IntListGet, findc_rt_intlist_get)                                                                                  \
  X(IntListContains, findc_rt_intlist_contains)                                                                        \
  X(IntListEq, findc_rt_intlist_eq)                                                                                    \
  X(StrListSortedByReal, findc_rt_strlist_sorted_by_real)                                                              \
  X(IntListSortedByReal, findc_rt_intlist_sorted_by_real)                                                              \
  X(RealListSortedByInt, findc_rt_reallist_sorted_by_int)                                                              \
  X(RealListSortedByStr, findc_rt_reallist_sorted_by_str)                                                              \
  X(RealListSortedByReal, findc_rt_reallist_sorted_by_real)                                                            \
  X(RealListSorted, findc_rt_reallist_sorted)                                                                          \
  X(RealListEmpty, findc_rt_reallist_empty)                                                                            \
  X(RealListAppend, findc_rt_reallist_append)                                                                          \
  X(RealListConcat, findc_rt_reallist_concat)                                                                          \
  X(RealListLen, findc_rt_reallist_len)                                                                                \
  X(RealListGet, findc_rt_reallist_get)                                                                                \
  X(RealListContains, findc_rt_reallist_contains)                                                                      \
  X(RealListEq, findc_rt_reallist_eq)                                                                                  \
  X(RealListSlice, findc_rt_reallist_slice)                                                                            \
  FINDC_MAP_OPS(X, Map, map)                                                                                           \
  FINDC_MAP_OPS(X, StrIntMap, strintmap)                                                                               \
  FINDC_MAP_OPS(X, StrRealMap, strrealmap)                                                                             \
  FINDC_MAP_OPS(X, IntStrMap, intstrmap)                                                                               \
  FINDC_MAP_OPS(X, IntIntMap, intintmap)                                                                               \
  FINDC_MAP_OPS(X, IntRealMap, intrealmap)                                                                             \
  X(LoopTick, findc_rt_loop_tick)                                                                                      \
  X(PyEnter, findc_rt_py_enter)                                                                                        \
  X(PyLeave, findc_rt_py_leave)                                                                                        \
  X(RangeStep, findc_rt_range_step)                                                                                    \
  X(RealPyDiv, findc_rt_real_py_div)                                                                                   \
  X(RealPyPowInt, findc_rt_real_py_powi)                                                                               \
  X(RealPyPow, findc_rt_real_py_pow)                                                                                   \
  X(RealPyMod, findc_rt_real_py_mod)                                                                                   \
  X(RealPyFloorDiv, findc_rt_real_py_floordiv)                                                                         \
  X(IntPyMod, findc_rt_int_py_mod)                                                                                     \
  X(IntPyFloorDiv, findc_rt_int_py_floordiv)                                                                           \
  X(IntPyAdd, findc_rt_int_py_add)                                                                                    \
  X(IntPySub, findc_rt_int_py_sub)                                                                                    \
  X(IntPyMul, findc_rt_int_py_mul)                                                                                    \
  X(IntPyPow, findc_rt_int_py_pow)                                                                                    \
  X(RealPyToInt, findc_rt_real_py_int)                                                                                 \
  X(RealPyMath, findc_rt_real_py_math)                                                                                 \
  X(RealPyMathOverflow, findc_rt_real_py_math_overflow)                                                                \
  X(RealPyRound, findc_rt_real_py_round)                                                                              \
  X(RealPyMathPow, findc_rt_real_py_math_pow)                                                                          \
  X(PyRaise, findc_rt_py_raise)                                                                                        \
  X(StrPyFloat, findc_rt_str_py_float)                                                                                \
  X(StrPyInt, findc_rt_str_py_int)                                                                                    \
  X(PyFailed, findc_rt_py_failed)                                                                                      \
  X(PyCatch, findc_rt_py_catch)                                                                                        \
  X(ComplexFromReal, findc_rt_complex_from_real)                                                                       \
  X(ComplexMake, findc_rt_complex_make)                                                                                \
  X(ComplexAdd, findc_rt_complex_add)                                                                                  \
  X(ComplexSub, findc_rt_complex_sub)                                                                                  \
  X(ComplexMul, findc_rt_complex_mul)                                                                                  \
  X(ComplexDiv, findc_rt_complex_div)                                                                                  \
  X(ComplexNeg, findc_rt_complex_neg)                                                                                  \
  X(ComplexAbs, findc_rt_complex_abs)                                                                                  \
  X(ComplexStr, findc_rt_complex_str)                                                                                  \
  X(ComplexRe, findc_rt_complex_re)                                                                                    \
  X(ComplexIm, findc_rt_complex_im)                                                                                    \
  X(ComplexEq, findc_rt_complex_eq)                                                                                    \
  X(StrTitle, findc_rt_str_title)                                                                                      \
  X(StrSwapCase, findc_rt_str_swapcase)                                                                                \
  X(StrCaseFold, findc_rt_str_casefold)                                                                                \
  X(StrZFill, findc_rt_str_zfill)                                                                                      \
  X(StrCenter, findc_rt_str_center)                                                                                    \
  X(StrLJust, findc_rt_str_ljust)                                                                                      \
  X(StrRJust, findc_rt_str_rjust)                                                                                      \
  X(StrStripChars, findc_rt_str_strip_chars)                                                                           \
  X(StrLStripChars, findc_rt_str_lstrip_chars)                                                                         \
  X(StrRStripChars, findc_rt_str_rstrip_chars)                                                                         \
  X(StrFindIn, findc_rt_str_find_in)                                                                                   \
  X(StrRFind, findc_rt_str_rfind)                                                                                      \
  X(StrRFindIn, findc_rt_str_rfind_in)                                                                                 \
  X(StrIndexIn, findc_rt_str_index_in)                                                                                 \
  X(StrRIndex, findc_rt_str_rindex)                                                                                    \
  X(StrRIndexIn, findc_rt_str_rindex_in)                                                                               \
  X(StrCountIn, findc_rt_str_count_in)                                                                                 \
  X(StrIsAlnum, findc_rt_str_isalnum)                                                                                  \
  X(StrIsDecimal, findc_rt_str_isdecimal)                                                                              \
  X(StrIsNumeric, findc_rt_str_isnumeric)                                                                              \
  X(StrRemovePrefix, findc_rt_str_removeprefix)                                                                        \
  X(StrRemoveSuffix, findc_rt_str_removesuffix)                                                                        \
  X(RealPyHypot, findc_rt_real_py_hypot)                                                                               \
  X(RealPyHypot3, findc_rt_real_py_hypot3)                                                                             \
  X(PyRandom, findc_rt_py_random)                                                                                      \
  X(PyUniform, findc_rt_py_uniform)                                                                                    \
  X(PyGauss, findc_rt_py_gauss)                                                                                        \
  X(PyNpNormal, findc_rt_py_np_normal)                                                                                 \
  X(PyRandInt, findc_rt_py_randint)                                                                                    \
  X(ComplexIsComplex, findc_rt_complex_is_complex)

struct DefRow {
  std::string_view mnemonic;
  Type result;
  unsigned arity;
  Type operands[4];
  bool raises;
  Compiled compiled;
};

constexpr DefRow kRows[] = {
#define STROP(Name, Mnemonic, Result, Arity, A, B, C, D, Raises, How)                                                  \
  {Mnemonic, Type::Result, Arity, {Type::A, Type::B, Type::C, Type::D}, Raises, Compiled::How},
#include "runtime/StrOps.def"
};
constexpr size_t kNumOps = std::size(kRows);

// The C type of each language type, and its Scalar conversions.
template <Type T> struct CType;
template <> struct CType<Type::Bool> {
  using type = bool;
  static bool get(const Scalar& s) { return s.b; }
  static Scalar put(bool v) { return Scalar::ofBool(v); }
};
template <> struct CType<Type::Int> {
  using type = int64_t;
  static int64_t get(const Scalar& s) { return s.i; }
  static Scalar put(int64_t v) { return Scalar::ofInt(v); }
};
template <> struct CType<Type::Real> {
  using type = double;
  static double get(const Scalar& s) { return s.r; }
  static Scalar put(double v) { return Scalar::ofReal(v); }
};
template <> struct CType<Type::Str> {
  using type = const Str*;
  static const Str* get(const Scalar& s) { return s.s; }
  static Scalar put(const Str* v) { return Scalar::ofStr(v); }
};
template <Type T> struct ListCType {
  using type = const List*;
  static const List* get(const Scalar& s) { return s.list; }
  static Scalar put(const List* v) { return Scalar::ofList(T, v); }
};
template <> struct CType<Type::StrList> : ListCType<Type::StrList> {};
template <> struct CType<Type::IntList> : ListCType<Type::IntList> {};
template <> struct CType<Type::RealList> : ListCType<Type::RealList> {};
template <> struct CType<Type::Complex> {
  using type = const Complex*;
  static const Complex* get(const Scalar& s) { return s.c; }
  static Scalar put(const Complex* v) { return Scalar::ofComplex(v); }
};
template <Type T> struct MapCType {
  using type = const Map*;
  static const Map* get(const Scalar& s) { return s.map; }
  static Scalar put(const Map* v) { return Scalar::ofMap(T, v); }
};
template <> struct CType<Type::StrMap> : MapCType<Type::StrMap> {};
template <> struct CType<Type::StrIntMap> : MapCType<Type::StrIntMap> {};
template <> struct CType<Type::StrRealMap> : MapCType<Type::StrRealMap> {};
template <> struct CType<Type::IntStrMap> : MapCType<Type::IntStrMap> {};
template <> struct CType<Type::IntIntMap> : MapCType<Type::IntIntMap> {};
template <> struct CType<Type::IntRealMap> : MapCType<Type::IntRealMap> {};

template <StrOp Op, class F> struct Signature;
template <StrOp Op, class R, class... A> struct Signature<Op, R(Context*, A...)> {
  static constexpr const DefRow& row = kRows[static_cast<size_t>(Op)];
  static consteval bool matches() {
    if constexpr (sizeof...(A) != row.arity) {
      return false;
    } else {
      return std::is_same_v<R, typename CType<row.result>::type> &&
             []<size_t... I>(std::index_sequence<I...>) {
               return (std::is_same_v<A, typename CType<row.operands[I]>::type> && ...);
             }(std::index_sequence_for<A...>{});
    }
  }
  // Unpacks the operands, calls fn, packs the result.
  static Scalar invoke(R (*fn)(Context*, A...), Context& ctx, std::span<const Scalar> operands) {
    return [&]<size_t... I>(std::index_sequence<I...>) {
      return CType<row.result>::put(fn(&ctx, CType<row.operands[I]>::get(operands[I])...));
    }(std::index_sequence_for<A...>{});
  }
};

consteval bool symbolMatches(std::string_view mnemonic, std::string_view symbol) {
  constexpr std::string_view prefix = "findc_rt_";
  if (symbol.size() != prefix.size() + mnemonic.size() || symbol.substr(0, prefix.size()) != prefix)
    return false;
  for (size_t i = 0; i < mnemonic.size(); ++i)
    if (symbol[prefix.size() + i] != (mnemonic[i] == '.' ? '_' : mnemonic[i]))
      return false;
  return true;
}

#define FINDC_CHECK(Name, Fn)                                                                                          \
  static_assert(Signature<StrOp::Name, decltype(Fn)>::matches(), #Fn ": C signature differs from StrOps.def");         \
  static_assert(symbolMatches(kRows[static_cast<size_t>(StrOp::Name)].mnemonic, #Fn),                                  \
                #Fn ": symbol differs from the mnemonic");
FINDC_STR_FUNCTIONS(FINDC_CHECK)
#undef FINDC_CHECK

static_assert([] {
  std::array<int, kNumOps> seen{};
#define FINDC_COUNT(Name, Fn) ++seen[static_cast<size_t>(StrOp::Name)];
  FINDC_STR_FUNCTIONS(FINDC_COUNT)
#undef FINDC_COUNT
  for (int n : seen)
    if (n != 1)
      return false;
  return true;
}(), "FINDC_STR_FUNCTIONS must name every op of StrOps.def exactly once");

const std::array<StrOpInfo, kNumOps>& infoTable() {
  static const std::array<StrOpInfo, kNumOps> table = [] {
    std::array<StrOpInfo, kNumOps> t{};
#define FINDC_INFO(Name, Fn)                                                                                           \
  {                                                                                                                    \
    const DefRow& row = kRows[static_cast<size_t>(StrOp::Name)];                                                       \
    t[static_cast<size_t>(StrOp::Name)] =                                                                              \
        StrOpInfo{row.mnemonic,                                                                                        \
                  #Fn,                                                                                                 \
                  reinterpret_cast<void*>(&Fn),                                                                        \
                  row.result,                                                                                          \
                  row.arity,                                                                                           \
                  {row.operands[0], row.operands[1], row.operands[2], row.operands[3]},                                \
                  row.raises,                                                                                          \
                  row.compiled};                                                                                       \
  }
    FINDC_STR_FUNCTIONS(FINDC_INFO)
#undef FINDC_INFO
    return t;
  }();
  return table;
}

} // namespace

const StrOpInfo& strOpInfo(StrOp op) { return infoTable().at(static_cast<size_t>(op)); }

std::optional<StrOp> strOpFromMnemonic(std::string_view mnemonic) {
  for (size_t i = 0; i < kNumOps; ++i)
    if (kRows[i].mnemonic == mnemonic)
      return static_cast<StrOp>(i);
  return std::nullopt;
}

std::span<const StrOpInfo> allStrOps() { return infoTable(); }

const MapOps& mapOps(Type map) {
  using enum StrOp;
#define FINDC_MAP_ROW(T) MapOps{T##Empty, T##Insert, T##Len, T##Get, T##Lookup, T##Contains, T##Eq, T##Keys, T##Values}
  static constexpr MapOps table[] = {FINDC_MAP_ROW(Map),       FINDC_MAP_ROW(StrIntMap), FINDC_MAP_ROW(StrRealMap),
                                     FINDC_MAP_ROW(IntStrMap), FINDC_MAP_ROW(IntIntMap), FINDC_MAP_ROW(IntRealMap)};
#undef FINDC_MAP_ROW
  switch (map) {
  case Type::StrIntMap: return table[1];
  case Type::StrRealMap: return table[2];
  case Type::IntStrMap: return table[3];
  case Type::IntIntMap: return table[4];
  case Type::IntRealMap: return table[5];
  default: return table[0];
  }
}

std::vector<RuntimeSymbol> runtimeSymbols() {
  std::vector<RuntimeSymbol> symbols;
  for (const StrOpInfo& op : allStrOps())
    symbols.push_back({op.symbol, op.address});
  symbols.push_back({kArenaResetSymbol, reinterpret_cast<void*>(&findc_rt_arena_reset)});
  return symbols;
}

Scalar applyStrOp(StrOp op, Context& ctx, std::span<const Scalar> operands) {
  if (static_cast<size_t>(op) >= kNumOps)
    throw std::invalid_argument("applyStrOp: unknown op");
  const DefRow& row = kRows[static_cast<size_t>(op)];
  if (operands.size() != row.arity)
    throw std::invalid_argument("applyStrOp: " + std::string(row.mnemonic) + " takes " + std::to_string(row.arity) +
                                " operands, got " + std::to_string(operands.size()));
  // No default: -Wswitch flags an op without a case, and the cases call the
  // very functions the JIT calls.
  switch (op) {
#define FINDC_CASE(Name, Fn)                                                                                           \
  case StrOp::Name: return Signature<StrOp::Name, decltype(Fn)>::invoke(&Fn, ctx, operands);
    FINDC_STR_FUNCTIONS(FINDC_CASE)
#undef FINDC_CASE
  }
  throw std::invalid_argument("applyStrOp: unknown op");
}

// ------------------------------------------------------ constructors ----

const Str* makeStr(Arena& arena, std::string_view utf8) {
  auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  size_t n = utf8.size();
  size_t i = 0;
  while (i < n && p[i] < 0x80)
    ++i;
  while (i < n) {
    std::optional<Utf8Sequence> sequence = decodeUtf8Checked(utf8, i);
    if (!sequence)
      break;
    i += sequence->length;
  }
  if (i == n)
    return strOf(arena, utf8);
  // Text from outside (CLI arguments) may be ill-formed: each ill-formed
  // byte becomes U+FFFD, so every Str keeps the invariants above.
  std::string fixed;
  fixed.reserve(n + 8);
  for (size_t at = 0; at < n;) {
    std::optional<Utf8Sequence> sequence = decodeUtf8Checked(utf8, at);
    if (!sequence) {
      fixed += "\xEF\xBF\xBD";
      ++at;
    } else {
      fixed.append(utf8.substr(at, sequence->length));
      at += sequence->length;
    }
  }
  return strOf(arena, fixed);
}

const List* makeStrList(Arena& arena, std::span<const std::string> items) {
  if (items.empty())
    return &kEmptyList;
  Elem* elems;
  const List* list = newList(arena, static_cast<int64_t>(items.size()), elems);
  for (size_t i = 0; i < items.size(); ++i)
    elems[i].s = makeStr(arena, items[i]);
  return list;
}

const List* makeIntList(Arena& arena, std::span<const int64_t> items) {
  if (items.empty())
    return &kEmptyList;
  Elem* elems;
  const List* list = newList(arena, static_cast<int64_t>(items.size()), elems);
  for (size_t i = 0; i < items.size(); ++i)
    elems[i].i = items[i];
  return list;
}

const List* makeRealList(Arena& arena, std::span<const double> items) {
  if (items.empty())
    return &kEmptyList;
  Elem* elems;
  const List* list = newList(arena, static_cast<int64_t>(items.size()), elems);
  for (size_t i = 0; i < items.size(); ++i)
    elems[i].r = items[i];
  return list;
}

// As a Python dict display: a repeated key keeps its first place and takes
// the last value.
const Map* makeMap(Arena& arena, std::span<const std::pair<std::string, std::string>> entries) {
  if (entries.empty())
    return &kEmptyMap;
  Elem* keys;
  Elem* values;
  Map* map = newMap(arena, static_cast<int64_t>(entries.size()), keys, values);
  int64_t size = 0;
  for (const auto& [k, v] : entries) {
    const Str* key = makeStr(arena, k);
    int64_t at = 0;
    while (at < size && !strEq(keys[at].s, key))
      ++at;
    if (at == size)
      keys[size++].s = key;
    values[at].s = makeStr(arena, v);
  }
  // Values follow the keys' full capacity; with repeats some stay unused.
  map->size = size;
  return map;
}

// ------------------------------------------------------------- repr ----

namespace {

// Python's Py_UNICODE_ISPRINTABLE: everything but categories Cc, Cf, Cs,
// Co, Cn, Zl, Zp, Zs, except that the space is printable.
bool isPrintable(int64_t cp) {
  if (cp < 0x80) // ASCII without ICU: the controls are Cc
    return cp >= ' ' && cp != 0x7F;
  switch (icu::library().charType(static_cast<UChar32>(cp))) {
  case U_CONTROL_CHAR:
  case U_FORMAT_CHAR:
  case U_SURROGATE:
  case U_PRIVATE_USE_CHAR:
  case U_UNASSIGNED:
  case U_LINE_SEPARATOR:
  case U_PARAGRAPH_SEPARATOR:
  case U_SPACE_SEPARATOR:
    return false;
  default:
    return true;
  }
}

void appendHex(std::string& out, char kind, int64_t value, int digits) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '\\';
  out += kind;
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
    out += hex[(value >> shift) & 0xF];
}

} // namespace

std::string pythonRepr(std::string_view utf8) {
  bool single = utf8.find('\'') != std::string_view::npos;
  bool dbl = utf8.find('"') != std::string_view::npos;
  char quote = single && !dbl ? '"' : '\'';
  std::string out;
  out.reserve(utf8.size() + 2);
  out += quote;
  auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  for (size_t i = 0, len; i < utf8.size(); i += len) {
    std::optional<Utf8Sequence> sequence = decodeUtf8Checked(utf8, i);
    len = sequence ? sequence->length : 1;
    if (!sequence) { // not reachable from a Str; shown as the raw byte
      appendHex(out, 'x', p[i], 2);
      continue;
    }
    int64_t cp = sequence->codePoint;
    if (cp == quote || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x80 ? (cp < ' ' || cp == 0x7F) : !isPrintable(cp)) {
      if (cp <= 0xFF)
        appendHex(out, 'x', cp, 2);
      else if (cp <= 0xFFFF)
        appendHex(out, 'u', cp, 4);
      else
        appendHex(out, 'U', cp, 8);
    } else {
      out.append(utf8.substr(i, len));
    }
  }
  out += quote;
  return out;
}

} // namespace findc::rt
