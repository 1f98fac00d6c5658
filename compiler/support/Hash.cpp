#include "compiler/support/Hash.h"

#include <array>
#include <bit>
#include <cstring>

namespace findc {
namespace {

constexpr std::array<uint32_t, 64> kRoundConstants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

void compress(std::array<uint32_t, 8>& state, const unsigned char* block) {
  uint32_t w[64];
  for (int i = 0; i < 16; ++i)
    w[i] = uint32_t{block[4 * i]} << 24 | uint32_t{block[4 * i + 1]} << 16 | uint32_t{block[4 * i + 2]} << 8 |
           uint32_t{block[4 * i + 3]};
  for (int i = 16; i < 64; ++i) {
    uint32_t s0 = std::rotr(w[i - 15], 7) ^ std::rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = std::rotr(w[i - 2], 17) ^ std::rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  auto [a, b, c, d, e, f, g, h] = state;
  for (int i = 0; i < 64; ++i) {
    uint32_t t1 = h + (std::rotr(e, 6) ^ std::rotr(e, 11) ^ std::rotr(e, 25)) + ((e & f) ^ (~e & g)) +
                  kRoundConstants[i] + w[i];
    uint32_t t2 = (std::rotr(a, 2) ^ std::rotr(a, 13) ^ std::rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  uint32_t add[8] = {a, b, c, d, e, f, g, h};
  for (int i = 0; i < 8; ++i)
    state[i] += add[i];
}

} // namespace

std::string sha256Hex(std::string_view bytes) {
  std::array<uint32_t, 8> state = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t whole = bytes.size() / 64 * 64;
  for (size_t i = 0; i < whole; i += 64)
    compress(state, data + i);
  // The tail, a 1 bit, zeros, and the length in bits (big-endian).
  unsigned char tail[128] = {};
  size_t rest = bytes.size() - whole;
  std::memcpy(tail, data + whole, rest);
  tail[rest] = 0x80;
  size_t tailSize = rest < 56 ? 64 : 128;
  uint64_t bits = uint64_t{bytes.size()} * 8;
  for (int i = 0; i < 8; ++i)
    tail[tailSize - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  for (size_t i = 0; i < tailSize; i += 64)
    compress(state, tail + i);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (uint32_t word : state)
    for (int shift = 28; shift >= 0; shift -= 4)
      hex += kHex[(word >> shift) & 0xf];
  return hex;
}

namespace {
constexpr uint64_t kChecksumMultiplier = 0x9e3779b97f4a7c15;
}

namespace {
uint64_t mixWord(uint64_t h, uint64_t word) {
  h = (h ^ word) * kChecksumMultiplier;
  return h ^ (h >> 29);
}
uint64_t loadWord(const char* bytes) {
  uint64_t word;
  std::memcpy(&word, bytes, sizeof word);
  return word;
}
} // namespace

Checksum64::Checksum64(uint64_t totalBytes) : total_(totalBytes) {
  for (size_t lane = 0; lane < kChecksumLanes; ++lane)
    lanes_[lane] = (totalBytes + lane) * kChecksumMultiplier;
}

void Checksum64::update(std::string_view piece) {
  size_t i = 0;
  for (; i + kChecksumStride <= piece.size(); i += kChecksumStride)
    for (size_t lane = 0; lane < kChecksumLanes; ++lane)
      lanes_[lane] = mixWord(lanes_[lane], loadWord(piece.data() + i + lane * sizeof(uint64_t)));
  tailSize_ = piece.size() - i;
  std::memcpy(tail_, piece.data() + i, tailSize_);
}

// The tail's whole words go on in their lanes, its last bytes (zero-padded)
// into one more word; then the lanes fold into one.
uint64_t Checksum64::finish() const {
  uint64_t lanes[kChecksumLanes];
  std::memcpy(lanes, lanes_, sizeof lanes);
  size_t i = 0, lane = 0;
  for (; i + sizeof(uint64_t) <= tailSize_; i += sizeof(uint64_t), ++lane)
    lanes[lane] = mixWord(lanes[lane], loadWord(tail_ + i));
  uint64_t last = 0;
  std::memcpy(&last, tail_ + i, tailSize_ - i);
  uint64_t h = mixWord(total_ * kChecksumMultiplier, last);
  for (uint64_t laneHash : lanes)
    h = mixWord(h, laneHash);
  h *= kChecksumMultiplier;
  return h ^ (h >> 32);
}

uint64_t checksum64(std::string_view bytes) {
  Checksum64 sum(bytes.size());
  sum.update(bytes);
  return sum.finish();
}

} // namespace findc
