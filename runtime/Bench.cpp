#include "runtime/Bench.h"

#include <cmath>

namespace findc::rt {
namespace {

constexpr uint64_t splitMix64(uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

constexpr PhiloxCounter counterOf(uint64_t query, DrawStream stream) {
  return {static_cast<uint32_t>(query), static_cast<uint32_t>(query >> 32), static_cast<uint32_t>(stream), 0};
}

} // namespace

bool CorruptionSpec::covers(double x) const {
  switch (region) {
  case CorruptRegion::None: return false;
  case CorruptRegion::Below: return !(x > a);
  case CorruptRegion::Above: return !(x < a);
  case CorruptRegion::Inside: return x > a && x < b;
  }
  return false;
}

PhiloxKey benchKey(uint64_t seed, std::string_view function) {
  uint64_t hash = 0xCBF29CE484222325ull; // FNV-1a: stable across platforms
  for (unsigned char c : function)
    hash = (hash ^ c) * 0x100000001B3ull;
  uint64_t key = splitMix64(seed ^ splitMix64(hash));
  return {static_cast<uint32_t>(key), static_cast<uint32_t>(key >> 32)};
}

double noiseDraw(const NoiseSpec& noise, PhiloxKey key, uint64_t query) {
  PhiloxCounter counter = counterOf(query, DrawStream::Noise);
  switch (noise.kind) {
  case NoiseKind::None: return 0;
  case NoiseKind::Normal: return noise.scale * standardNormal(counter, key);
  case NoiseKind::Uniform: return noise.scale * (2 * uniformPair(counter, key).first - 1);
  case NoiseKind::Poisson: return static_cast<double>(poisson(noise.scale, counter, key));
  }
  return 0;
}

double corruptionDraw(const CorruptionSpec& corruption, PhiloxKey key, uint64_t query) {
  return corruption.mean + corruption.scale * standardNormal(counterOf(query, DrawStream::Corruption), key);
}

PointEffect effectAt(const BenchEffects& effects, PhiloxKey key, uint64_t query, double x, bool draws) {
  PointEffect effect;
  if (!(x >= effects.domainLo && x <= effects.domainHi)) {
    effect.outside = true;
    return effect;
  }
  if (draws && effects.corruption.covers(x))
    effect.replacement = corruptionDraw(effects.corruption, key, query);
  if (effects.noise.kind != NoiseKind::None)
    effect.noise = draws ? noiseDraw(effects.noise, key, query) : 0.0;
  return effect;
}

void applyEffects(const BenchEffects& effects, PhiloxKey key, uint64_t firstQuery, const double* x, double* y,
                  size_t n, bool draws) {
  for (size_t i = 0; i < n; ++i) {
    PointEffect effect = effectAt(effects, key, firstQuery + i, x[i], draws);
    if (effect.outside) {
      y[i] = std::nan("");
      continue;
    }
    if (effect.replacement)
      y[i] = *effect.replacement;
    if (effect.noise)
      y[i] += *effect.noise;
  }
}

} // namespace findc::rt
