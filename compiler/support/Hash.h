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

// A checksum, not a cryptographic hash: any damage to a few bytes changes it
// (a multiply-xorshift mix of 8-byte words, several GB/s).
uint64_t checksum64(std::string_view bytes);

// checksum64 of `totalBytes` bytes given in pieces: every piece but the last
// a multiple of 8 bytes long (so a file is checked through a small buffer).
class Checksum64 {
public:
  explicit Checksum64(uint64_t totalBytes);
  void update(std::string_view piece);
  uint64_t finish() const;

private:
  uint64_t h_;
  uint64_t last_ = 0; // the bytes after the last whole word, little-endian
};

} // namespace findc
