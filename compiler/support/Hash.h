// Hashes for findc's own files: SHA-256 names a source (an artifact records
// the hash of the suite it was compiled from), and a fast 64-bit checksum
// catches a damaged artifact before its code is loaded.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace findc {

// FIPS 180-4 SHA-256 of `bytes`, as 64 lowercase hex digits.
std::string sha256Hex(std::string_view bytes);

// A checksum, not a cryptographic hash: any damage to a few bytes changes it.
// A multiply-xorshift mix of 8-byte words in kChecksumLanes independent
// lanes (word i in lane i % 8), so the multiplies overlap: ~10 GB/s, where
// one lane waits on each multiply (~2 GB/s).
uint64_t checksum64(std::string_view bytes);

inline constexpr size_t kChecksumLanes = 8;
inline constexpr size_t kChecksumStride = kChecksumLanes * sizeof(uint64_t);

// checksum64 of `totalBytes` bytes given in pieces: every piece but the last
// a multiple of kChecksumStride bytes long (so a file is checked through a
// small buffer).
class Checksum64 {
public:
  explicit Checksum64(uint64_t totalBytes);
  void update(std::string_view piece);
  uint64_t finish() const;

private:
  uint64_t lanes_[kChecksumLanes];
  uint64_t total_;
  // The last piece's bytes after its whole strides.
  char tail_[kChecksumStride] = {};
  size_t tailSize_ = 0;
};

} // namespace findc
