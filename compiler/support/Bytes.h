// Little-endian binary writing and bounds-checked reading, for the formats
// findc writes itself (compiled artifacts and the signatures in them).
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace findc {

static_assert(std::endian::native == std::endian::little, "findc's binary formats are written little-endian");

class ByteWriter {
public:
  template <typename T> void put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void putBytes(std::string_view bytes) {
    put<uint64_t>(bytes.size());
    out_.append(bytes);
  }
  std::string& bytes() { return out_; }

private:
  std::string out_;
};

// Every read checks the bounds: a truncated or damaged input is a
// std::invalid_argument naming `what`, never a read past the end.
class ByteReader {
public:
  // `what` must outlive the reader (a literal, as every caller's is).
  ByteReader(std::string_view in, std::string_view what) : in_(in), what_(what) {}

  template <typename T> T get() {
    static_assert(std::is_trivially_copyable_v<T>);
    need(sizeof(T));
    T value;
    std::memcpy(&value, in_.data() + pos_, sizeof value);
    pos_ += sizeof value;
    return value;
  }
  std::string_view getBytes() {
    uint64_t size = get<uint64_t>();
    need(size);
    std::string_view bytes = in_.substr(pos_, size);
    pos_ += size;
    return bytes;
  }
  // A count of items of at least `itemSize` bytes each, checked against
  // what is left, so a damaged count cannot make the caller reserve memory.
  uint64_t getCount(size_t itemSize) {
    uint64_t count = get<uint64_t>();
    if (itemSize != 0 && count > (in_.size() - pos_) / itemSize)
      fail();
    return count;
  }
  bool atEnd() const { return pos_ == in_.size(); }
  size_t position() const { return pos_; }
  [[noreturn]] void fail() const { throw std::invalid_argument(std::string(what_) + " is truncated or damaged"); }

private:
  void need(uint64_t size) const {
    if (size > in_.size() - pos_)
      fail();
  }
  std::string_view in_;
  size_t pos_ = 0;
  std::string_view what_;
};

} // namespace findc
