// What a benchmark does around its clean function: additive noise, a
// corrupted interval, and the domain outside which it is undefined. The
// effects are applied to clean values by both engines through the same code
// here, so the JIT and the interpreter give the same bits, noise included.
//
// Randomness is counter-based (Philox4x32-10): query q of function f under
// seed s draws from counter (q, stream) with key (s, f). Equal seeds and
// query sequences give equal outputs; a repeated x is a new query with fresh
// noise; the lanes of a batch are independent, so order does not matter.
#pragma once

#include "runtime/Philox.h"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <optional>
#include <string_view>

namespace findc::rt {

// FIND's three kinds: normal(scale) = scale * N(0, 1); uniform(h) = U(-h, h)
// (FIND: uniform(low=-1, high=1)); poisson(rate) = Poisson(rate), mean +rate.
enum class NoiseKind : uint8_t { None, Normal, Uniform, Poisson };
struct NoiseSpec {
  NoiseKind kind = NoiseKind::None;
  double scale = 0;
};

// Where FIND's np.where replaces the value by normal(mean, scale) noise:
// below a: not (x > a); above a: not (x < a); inside (a, b): a < x < b.
enum class CorruptRegion : uint8_t { None, Below, Above, Inside };
struct CorruptionSpec {
  CorruptRegion region = CorruptRegion::None;
  double a = 0, b = 0, mean = 0, scale = 0.1;
  bool covers(double x) const;
};

// How .fnd clauses, FIND's JSON and findc's output spell the kinds and the
// regions, indexed by enumerator. None stands for a bench without the effect:
// it has a name for output, but no clause or JSON names it.
inline constexpr std::string_view kNoiseKindNames[] = {"none", "normal", "uniform", "poisson"};
inline constexpr std::string_view kCorruptRegionNames[] = {"none", "below", "above", "inside"};
static_assert(std::size(kNoiseKindNames) == static_cast<size_t>(NoiseKind::Poisson) + 1);
static_assert(std::size(kCorruptRegionNames) == static_cast<size_t>(CorruptRegion::Inside) + 1);

namespace detail {
template <typename Enum, size_t N>
constexpr std::optional<Enum> enumFromName(const std::string_view (&names)[N], std::string_view name) {
  for (size_t i = 1; i < N; ++i) // from 1: None is never named
    if (names[i] == name)
      return static_cast<Enum>(i);
  return std::nullopt;
}
} // namespace detail

constexpr std::string_view noiseKindName(NoiseKind kind) { return kNoiseKindNames[static_cast<size_t>(kind)]; }
constexpr std::string_view corruptRegionName(CorruptRegion region) {
  return kCorruptRegionNames[static_cast<size_t>(region)];
}
// The kind or region a name spells; never None.
constexpr std::optional<NoiseKind> noiseKindFromName(std::string_view name) {
  return detail::enumFromName<NoiseKind>(kNoiseKindNames, name);
}
constexpr std::optional<CorruptRegion> corruptRegionFromName(std::string_view name) {
  return detail::enumFromName<CorruptRegion>(kCorruptRegionNames, name);
}

struct BenchEffects {
  NoiseSpec noise;
  CorruptionSpec corruption;
  // Outside [domainLo, domainHi] the result is NaN whatever the effects.
  double domainLo = -std::numeric_limits<double>::infinity();
  double domainHi = std::numeric_limits<double>::infinity();
};

// The random streams of one query; noise, corruption and the function's own
// draws (Python's random in a hypothesis: rt::Context's draws, the n-th at
// counter (query, Hypothesis, n)) never share draws.
enum class DrawStream : uint32_t { Noise = 0, Corruption = 1, Hypothesis = 2 };

// The key of a function's noise: the seed mixed with a hash of its name.
PhiloxKey benchKey(uint64_t seed, std::string_view function);

// One draw of `noise` for query `query` (0 for NoiseKind::None).
double noiseDraw(const NoiseSpec& noise, PhiloxKey key, uint64_t query);
// The corrupting value of query `query`: mean + scale * N(0, 1).
double corruptionDraw(const CorruptionSpec& corruption, PhiloxKey key, uint64_t query);

// What the effects do to the value at one point of query `query`: outside
// the domain it is NaN; else a corrupted point is replaced by `replacement`,
// then `noise` is added. With `draws` false every random draw is zero: no
// point is corrupted and the noise is +0.0 (the served function "without its
// random effects": FIND's x + 0.0 still makes -0.0 into 0.0).
struct PointEffect {
  bool outside = false;
  std::optional<double> replacement;
  std::optional<double> noise;
};
PointEffect effectAt(const BenchEffects& effects, PhiloxKey key, uint64_t query, double x, bool draws = true);

// Turns clean values y[i] at x[i] into the benchmark's, for queries
// firstQuery, firstQuery + 1, ...: corruption first, then noise (FIND ships
// each function with at most one of them). `draws` as for effectAt.
void applyEffects(const BenchEffects& effects, PhiloxKey key, uint64_t firstQuery, const double* x, double* y,
                  size_t n, bool draws = true);

} // namespace findc::rt
