// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2,
// 3", SC'11): a counter-based generator. The output is a pure function of
// (counter, key), so noise can be keyed by (suite seed, function, query
// counter, lane): reproducible, order-independent and cheap to vectorize.
// This is the base of the benchmark noise in the numeric-suite issue.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace findc::rt {

using PhiloxCounter = std::array<uint32_t, 4>;
using PhiloxKey = std::array<uint32_t, 2>;

constexpr PhiloxCounter philox4x32(PhiloxCounter counter, PhiloxKey key) {
  constexpr uint32_t kMultiplier0 = 0xD2511F53, kMultiplier1 = 0xCD9E8D57;
  constexpr uint32_t kWeyl0 = 0x9E3779B9, kWeyl1 = 0xBB67AE85;
  for (int round = 0; round < 10; ++round) {
    uint64_t product0 = uint64_t{kMultiplier0} * counter[0];
    uint64_t product1 = uint64_t{kMultiplier1} * counter[2];
    counter = {static_cast<uint32_t>(product1 >> 32) ^ counter[1] ^ key[0], static_cast<uint32_t>(product1),
               static_cast<uint32_t>(product0 >> 32) ^ counter[3] ^ key[1], static_cast<uint32_t>(product0)};
    key = {key[0] + kWeyl0, key[1] + kWeyl1};
  }
  return counter;
}

// A double in (0, 1) from the top 52 of 64 random bits, centred in its
// cell: never 0 or 1 (1 - 2^-53 is the largest), so log() and inverse CDFs
// stay finite.
constexpr double unitOpen(uint32_t high, uint32_t low) {
  uint64_t bits = (uint64_t{high} << 32 | low) >> 12;
  return (static_cast<double>(bits) + 0.5) * 0x1.0p-52;
}

// The two uniforms of one Philox block.
struct UniformPair {
  double first, second;
};
constexpr UniformPair uniformPair(PhiloxCounter counter, PhiloxKey key) {
  PhiloxCounter bits = philox4x32(counter, key);
  return {unitOpen(bits[0], bits[1]), unitOpen(bits[2], bits[3])};
}

// A standard normal draw (Box-Muller, first output).
inline double standardNormal(PhiloxCounter counter, PhiloxKey key) {
  UniformPair u = uniformPair(counter, key);
  return std::sqrt(-2.0 * std::log(u.first)) * std::cos(2.0 * std::numbers::pi * u.second);
}

// A Poisson(lambda) draw by inversion, for the small rates benchmarks use.
inline int64_t poisson(double lambda, PhiloxCounter counter, PhiloxKey key) {
  double u = uniformPair(counter, key).first;
  double p = std::exp(-lambda), cumulative = p;
  int64_t k = 0;
  while (u > cumulative && k < 1000) {
    ++k;
    p *= lambda / static_cast<double>(k);
    cumulative += p;
  }
  return k;
}

} // namespace findc::rt
