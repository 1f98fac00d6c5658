// Benchmark effects (runtime/Bench.h): the statistics of the three noise
// kinds, the corrupted regions' boundaries (FIND's np.where semantics), the
// determinism of the counter-based streams, and the domain.
//
// Statistical bounds: every moment check uses n = 10^5 draws and accepts
// |estimate - expected| <= 5 standard errors of that estimate, where the
// standard error is computed from the distribution's true moments:
//   mean:     SE = sigma / sqrt(n)
//   variance: SE = sqrt((mu4 - sigma^4) / n)   (mu4: 4th central moment)
//   a frequency p: SE = sqrt(p (1 - p) / n)
//   lag-1 autocorrelation of independent draws: SE = 1 / sqrt(n)
// The key is fixed, so each test is deterministic: 5 sigma only documents
// how far from the expectation a correct generator may land (a false alarm
// would be a 1-in-10^6 draw, frozen once seen), while a wrong scale, shift
// or distribution misses by far more.
#include "runtime/Bench.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace findc::rt {
namespace {

constexpr int kDraws = 100000;
constexpr double kSigmas = 5.0;
const PhiloxKey kKey = benchKey(20240601, "noise_stats");

bool sameBits(double a, double b) { return std::bit_cast<uint64_t>(a) == std::bit_cast<uint64_t>(b); }

struct Sample {
  std::vector<double> values;
  double mean = 0, variance = 0;
  // Lag-1 autocorrelation: sum (v_i - m)(v_{i+1} - m) / sum (v_i - m)^2.
  double lag1 = 0;
};

Sample summarize(std::vector<double> values) {
  Sample s;
  double n = static_cast<double>(values.size());
  for (double v : values)
    s.mean += v;
  s.mean /= n;
  double squares = 0, lagged = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    double d = values[i] - s.mean;
    squares += d * d;
    if (i + 1 < values.size())
      lagged += d * (values[i + 1] - s.mean);
  }
  s.variance = squares / n;
  s.lag1 = lagged / squares;
  s.values = std::move(values);
  return s;
}

Sample noiseSample(NoiseSpec spec, PhiloxKey key = kKey) {
  std::vector<double> values(kDraws);
  for (int q = 0; q < kDraws; ++q)
    values[q] = noiseDraw(spec, key, static_cast<uint64_t>(q));
  return summarize(std::move(values));
}

// The 5-sigma bounds of a sample of n draws with variance `sigma2` and
// fourth central moment `mu4`.
double meanBound(double sigma2) { return kSigmas * std::sqrt(sigma2 / kDraws); }
double varianceBound(double sigma2, double mu4) { return kSigmas * std::sqrt((mu4 - sigma2 * sigma2) / kDraws); }
double frequencyBound(double p) { return kSigmas * std::sqrt(p * (1 - p) / kDraws); }
const double kLag1Bound = kSigmas / std::sqrt(static_cast<double>(kDraws));

double fractionWhere(const std::vector<double>& values, auto predicate) {
  size_t count = 0;
  for (double v : values)
    count += predicate(v) ? 1 : 0;
  return static_cast<double>(count) / static_cast<double>(values.size());
}

// ---------------------------------------------------------------- noise --

TEST(BenchEffectsNoise, NormalMoments) {
  const double scale = 2.5, sigma2 = scale * scale;
  Sample s = noiseSample({NoiseKind::Normal, scale});
  EXPECT_NEAR(s.mean, 0.0, meanBound(sigma2));
  EXPECT_NEAR(s.variance, sigma2, varianceBound(sigma2, 3 * sigma2 * sigma2));  // mu4 = 3 sigma^4
  // The shape, not just two moments: P(|Z| < 1) = erf(1/sqrt 2) = 0.6827.
  double p1 = std::erf(1 / std::sqrt(2.0));
  EXPECT_NEAR(fractionWhere(s.values, [&](double v) { return std::abs(v) < scale; }), p1, frequencyBound(p1));
  EXPECT_NEAR(fractionWhere(s.values, [](double v) { return v > 0; }), 0.5, frequencyBound(0.5));
  EXPECT_NEAR(s.lag1, 0.0, kLag1Bound);
  for (double v : s.values)
    ASSERT_TRUE(std::isfinite(v)) << v;
}

TEST(BenchEffectsNoise, UniformMoments) {
  const double h = 1.0, sigma2 = h * h / 3;
  Sample s = noiseSample({NoiseKind::Uniform, h});
  EXPECT_NEAR(s.mean, 0.0, meanBound(sigma2));
  EXPECT_NEAR(s.variance, sigma2, varianceBound(sigma2, h * h * h * h / 5));  // mu4 = h^4 / 5
  for (double v : s.values) {
    ASSERT_GE(v, -h);
    ASSERT_LT(v, h);
  }
  // Flat: each of 10 equal bins holds a tenth.
  for (int bin = 0; bin < 10; ++bin) {
    double lo = -h + 2 * h * bin / 10, hi = -h + 2 * h * (bin + 1) / 10;
    EXPECT_NEAR(fractionWhere(s.values, [&](double v) { return v >= lo && v < hi; }), 0.1, frequencyBound(0.1))
        << "bin [" << lo << ", " << hi << ")";
  }
  EXPECT_NEAR(s.lag1, 0.0, kLag1Bound);
}

TEST(BenchEffectsNoise, UniformScalesWithHalfWidth) {
  const double h = 0.25, sigma2 = h * h / 3;
  Sample s = noiseSample({NoiseKind::Uniform, h});
  EXPECT_NEAR(s.mean, 0.0, meanBound(sigma2));
  EXPECT_NEAR(s.variance, sigma2, varianceBound(sigma2, h * h * h * h / 5));
  for (double v : s.values) {
    ASSERT_GE(v, -h);
    ASSERT_LT(v, h);
  }
}

TEST(BenchEffectsNoise, PoissonMoments) {
  for (double rate : {1.0, 3.5}) {
    SCOPED_TRACE("rate " + std::to_string(rate));
    Sample s = noiseSample({NoiseKind::Poisson, rate});
    // Poisson: mean = variance = rate, mu4 = rate + 3 rate^2.
    EXPECT_NEAR(s.mean, rate, meanBound(rate));
    EXPECT_NEAR(s.variance, rate, varianceBound(rate, rate + 3 * rate * rate));
    for (double v : s.values) {
      ASSERT_GE(v, 0.0);
      ASSERT_EQ(v, std::floor(v)) << "not an integer";
    }
    // P(0) = e^-rate and P(1) = rate e^-rate.
    double p0 = std::exp(-rate), p1 = rate * std::exp(-rate);
    EXPECT_NEAR(fractionWhere(s.values, [](double v) { return v == 0; }), p0, frequencyBound(p0));
    EXPECT_NEAR(fractionWhere(s.values, [](double v) { return v == 1; }), p1, frequencyBound(p1));
    EXPECT_NEAR(s.lag1, 0.0, kLag1Bound);
  }
}

TEST(BenchEffectsNoise, NoneIsZero) {
  for (uint64_t q : {0ull, 1ull, 1ull << 40})
    EXPECT_TRUE(sameBits(noiseDraw({NoiseKind::None, 3.0}, kKey, q), 0.0));
}

TEST(BenchEffectsNoise, NoiseAndCorruptionStreamsDiffer) {
  // Same distribution (N(0, 1)) on both streams: the draws of one query must
  // still be different numbers, and uncorrelated.
  const NoiseSpec noise{NoiseKind::Normal, 1.0};
  CorruptionSpec corruption;
  corruption.region = CorruptRegion::Below;
  corruption.mean = 0;
  corruption.scale = 1.0;
  std::vector<double> a(kDraws), b(kDraws);
  size_t equal = 0;
  double sumProducts = 0;
  for (int q = 0; q < kDraws; ++q) {
    a[q] = noiseDraw(noise, kKey, static_cast<uint64_t>(q));
    b[q] = corruptionDraw(corruption, kKey, static_cast<uint64_t>(q));
    equal += sameBits(a[q], b[q]) ? 1 : 0;
    sumProducts += a[q] * b[q];
  }
  EXPECT_EQ(equal, 0u);
  // Correlation of independent standard normals: SE = 1 / sqrt(n).
  EXPECT_NEAR(sumProducts / kDraws, 0.0, kLag1Bound);
}

TEST(BenchEffectsNoise, QueriesAboveTwoToThe32AreFresh) {
  // The query counter has 64 bits: q and q + 2^32 must not share draws.
  const NoiseSpec noise{NoiseKind::Normal, 1.0};
  for (uint64_t q : {0ull, 1ull, 12345ull})
    EXPECT_FALSE(sameBits(noiseDraw(noise, kKey, q), noiseDraw(noise, kKey, q + (1ull << 32)))) << q;
}

// ----------------------------------------------------------- corruption --

CorruptionSpec region(CorruptRegion r, double a, double b = 0, double mean = 0, double scale = 0.1) {
  CorruptionSpec spec;
  spec.region = r;
  spec.a = a;
  spec.b = b;
  spec.mean = mean;
  spec.scale = scale;
  return spec;
}

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();
double below(double x) { return std::nextafter(x, -kInf); }
double above(double x) { return std::nextafter(x, kInf); }

TEST(BenchEffectsCorruption, BelowCoversUpToAndIncludingA) {
  // FIND: np.where(x > a, clean, corrupted): not (x > a).
  CorruptionSpec spec = region(CorruptRegion::Below, 1.5);
  EXPECT_TRUE(spec.covers(1.5));
  EXPECT_TRUE(spec.covers(below(1.5)));
  EXPECT_FALSE(spec.covers(above(1.5)));
  EXPECT_TRUE(spec.covers(-1e300));
  EXPECT_TRUE(spec.covers(-kInf));
  EXPECT_FALSE(spec.covers(kInf));
  EXPECT_TRUE(spec.covers(kNaN));
  CorruptionSpec zero = region(CorruptRegion::Below, 0.0);
  EXPECT_TRUE(zero.covers(-0.0));
  EXPECT_TRUE(zero.covers(0.0));
  EXPECT_FALSE(zero.covers(std::numeric_limits<double>::denorm_min()));
}

TEST(BenchEffectsCorruption, AboveCoversFromAndIncludingA) {
  // FIND: np.where(x < a, clean, corrupted): not (x < a).
  CorruptionSpec spec = region(CorruptRegion::Above, -2.0);
  EXPECT_TRUE(spec.covers(-2.0));
  EXPECT_TRUE(spec.covers(above(-2.0)));
  EXPECT_FALSE(spec.covers(below(-2.0)));
  EXPECT_TRUE(spec.covers(kInf));
  EXPECT_FALSE(spec.covers(-kInf));
  EXPECT_TRUE(spec.covers(kNaN));
}

TEST(BenchEffectsCorruption, InsideIsOpen) {
  // FIND: np.where((x > a) & (x < b), corrupted, clean).
  CorruptionSpec spec = region(CorruptRegion::Inside, 1.5, 3.5);
  EXPECT_FALSE(spec.covers(1.5));
  EXPECT_FALSE(spec.covers(3.5));
  EXPECT_TRUE(spec.covers(above(1.5)));
  EXPECT_TRUE(spec.covers(below(3.5)));
  EXPECT_FALSE(spec.covers(below(1.5)));
  EXPECT_FALSE(spec.covers(above(3.5)));
  EXPECT_TRUE(spec.covers(2.5));
  EXPECT_FALSE(spec.covers(kNaN));
  EXPECT_FALSE(spec.covers(kInf));
  EXPECT_FALSE(spec.covers(-kInf));
}

TEST(BenchEffectsCorruption, NoneCoversNothing) {
  CorruptionSpec spec = region(CorruptRegion::None, 0.0, 1.0);
  for (double x : {-kInf, -1.0, 0.0, 0.5, 1.0, kInf, kNaN})
    EXPECT_FALSE(spec.covers(x)) << x;
}

// applyEffects replaces exactly the covered points, with corruptionDraw's
// values, and leaves the rest bit-identical.
TEST(BenchEffectsCorruption, ApplyReplacesExactlyTheCoveredPoints) {
  const CorruptionSpec specs[] = {region(CorruptRegion::Below, 1.5, 0, -40, 0.1),
                                  region(CorruptRegion::Above, -0.25, 0, 7, 2.0),
                                  region(CorruptRegion::Inside, -1.0, 1.0, 100, 0.5)};
  // Edge points of every spec, with their neighbours, and a grid.
  std::vector<double> xs = {kNaN, 1.5, below(1.5), above(1.5), -0.25, below(-0.25), above(-0.25),
                            -1.0, above(-1.0), below(-1.0), 1.0, below(1.0), above(1.0), -kInf, kInf, 0.0, -0.0};
  for (int i = 0; i <= 400; ++i)
    xs.push_back(-5.0 + i * 0.025);
  for (const CorruptionSpec& spec : specs) {
    SCOPED_TRACE("region " + std::to_string(static_cast<int>(spec.region)));
    BenchEffects effects;
    effects.corruption = spec;
    std::vector<double> clean(xs.size()), y(xs.size());
    for (size_t i = 0; i < xs.size(); ++i)
      clean[i] = y[i] = 3 * xs[i] - 0.125;  // an arbitrary clean function
    const uint64_t first = 1000;
    applyEffects(effects, kKey, first, xs.data(), y.data(), y.size());
    size_t covered = 0;
    for (size_t i = 0; i < xs.size(); ++i) {
      if (std::isnan(xs[i])) {
        EXPECT_TRUE(std::isnan(y[i])) << "NaN x is outside every domain";
      } else if (spec.covers(xs[i])) {
        ++covered;
        EXPECT_TRUE(sameBits(y[i], corruptionDraw(spec, kKey, first + i))) << "x = " << xs[i] << ": " << y[i];
        EXPECT_FALSE(sameBits(y[i], clean[i])) << "x = " << xs[i];
      } else {
        EXPECT_TRUE(sameBits(y[i], clean[i])) << "x = " << xs[i] << ": clean " << clean[i] << ", got " << y[i];
      }
    }
    EXPECT_GT(covered, 10u);
    EXPECT_LT(covered, xs.size() - 10);
  }
}

// The corrupting values are mean + scale * N(0, 1): over many covered points
// their mean is `mean` and their standard deviation `scale`.
TEST(BenchEffectsCorruption, CorruptedValuesAreNormalMeanScale) {
  const double mean = -40, scale = 0.5, sigma2 = scale * scale;
  BenchEffects effects;
  effects.corruption = region(CorruptRegion::Inside, 0.0, 1.0, mean, scale);
  std::vector<double> xs(kDraws), y(kDraws, 123.0);
  for (int i = 0; i < kDraws; ++i)
    xs[i] = (i + 0.5) / kDraws;  // all strictly inside (0, 1)
  applyEffects(effects, kKey, 0, xs.data(), y.data(), y.size());
  Sample s = summarize(y);
  EXPECT_NEAR(s.mean, mean, meanBound(sigma2));
  EXPECT_NEAR(s.variance, sigma2, varianceBound(sigma2, 3 * sigma2 * sigma2));
  EXPECT_NEAR(s.lag1, 0.0, kLag1Bound);
}

// Corruption then noise: a covered point gets corruptionDraw + noiseDraw,
// an uncovered one clean + noiseDraw.
TEST(BenchEffectsCorruption, CorruptionThenNoise) {
  BenchEffects effects;
  effects.corruption = region(CorruptRegion::Below, 0.0, 0, 10, 0.1);
  effects.noise = {NoiseKind::Uniform, 0.5};
  std::vector<double> xs = {-1.0, 0.0, 1.0, 2.0};
  std::vector<double> y = {5.0, 5.0, 5.0, 5.0};
  applyEffects(effects, kKey, 7, xs.data(), y.data(), y.size());
  for (size_t i = 0; i < xs.size(); ++i) {
    uint64_t q = 7 + i;
    double base = effects.corruption.covers(xs[i]) ? corruptionDraw(effects.corruption, kKey, q) : 5.0;
    EXPECT_TRUE(sameBits(y[i], base + noiseDraw(effects.noise, kKey, q))) << "x = " << xs[i];
  }
}

// ---------------------------------------------------------- determinism --

BenchEffects noisyEffects(NoiseKind kind) {
  BenchEffects effects;
  effects.noise = {kind, kind == NoiseKind::Poisson ? 2.0 : 0.75};
  effects.corruption = region(CorruptRegion::Inside, -1.0, 1.0, -3.0, 0.2);
  effects.domainLo = -10;
  effects.domainHi = 10;
  return effects;
}

std::vector<double> gridXs() {
  std::vector<double> xs;
  for (int i = 0; i <= 200; ++i)
    xs.push_back(-12.0 + i * 0.12);
  xs.push_back(kNaN);
  return xs;
}

std::vector<double> run(const BenchEffects& effects, PhiloxKey key, uint64_t first, const std::vector<double>& xs) {
  std::vector<double> y(xs.size());
  for (size_t i = 0; i < xs.size(); ++i)
    y[i] = std::sin(xs[i]);
  applyEffects(effects, key, first, xs.data(), y.data(), y.size());
  return y;
}

bool sameVector(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!sameBits(a[i], b[i]))
      return false;
  return true;
}

TEST(BenchEffectsDeterminism, BatchEqualsOneCallPerElement) {
  const std::vector<double> xs = gridXs();
  for (NoiseKind kind : {NoiseKind::Normal, NoiseKind::Uniform, NoiseKind::Poisson}) {
    for (uint64_t first : {0ull, 41ull, (1ull << 32) - 3}) {
      const BenchEffects effects = noisyEffects(kind);
      std::vector<double> batch = run(effects, kKey, first, xs);
      for (size_t i = 0; i < xs.size(); ++i) {
        double one = std::sin(xs[i]);
        applyEffects(effects, kKey, first + i, &xs[i], &one, 1);
        ASSERT_TRUE(sameBits(batch[i], one) || (std::isnan(batch[i]) && std::isnan(one)))
            << "kind " << static_cast<int>(kind) << ", first " << first << ", i " << i << ": batch " << batch[i]
            << ", single " << one;
      }
      // Split in two batches at an arbitrary point: the same bytes.
      std::vector<double> split(xs.size());
      for (size_t i = 0; i < xs.size(); ++i)
        split[i] = std::sin(xs[i]);
      applyEffects(effects, kKey, first, xs.data(), split.data(), 77);
      applyEffects(effects, kKey, first + 77, xs.data() + 77, split.data() + 77, xs.size() - 77);
      EXPECT_TRUE(sameVector(batch, split));
    }
  }
}

TEST(BenchEffectsDeterminism, SameSeedAndNameSameBytes) {
  const std::vector<double> xs = gridXs();
  for (NoiseKind kind : {NoiseKind::Normal, NoiseKind::Uniform, NoiseKind::Poisson}) {
    const BenchEffects effects = noisyEffects(kind);
    std::vector<double> a = run(effects, benchKey(7, "noisy"), 0, xs);
    std::vector<double> b = run(effects, benchKey(7, "noisy"), 0, xs);
    EXPECT_TRUE(sameVector(a, b));
    EXPECT_FALSE(sameVector(a, run(effects, benchKey(8, "noisy"), 0, xs))) << "another seed";
    EXPECT_FALSE(sameVector(a, run(effects, benchKey(7, "noisz"), 0, xs))) << "another name";
    EXPECT_FALSE(sameVector(a, run(effects, benchKey(7, "noisy"), 1, xs))) << "another first query";
  }
  // Normal noise: with another seed or name every point of the domain moves.
  const BenchEffects normal = noisyEffects(NoiseKind::Normal);
  std::vector<double> a = run(normal, benchKey(7, "noisy"), 0, xs);
  std::vector<double> otherSeed = run(normal, benchKey(8, "noisy"), 0, xs);
  std::vector<double> otherName = run(normal, benchKey(7, "Noisy"), 0, xs);
  for (size_t i = 0; i < xs.size(); ++i) {
    if (std::isnan(a[i]))
      continue;
    EXPECT_FALSE(sameBits(a[i], otherSeed[i])) << "x = " << xs[i];
    EXPECT_FALSE(sameBits(a[i], otherName[i])) << "x = " << xs[i];
  }
}

TEST(BenchEffectsDeterminism, BenchKeyDependsOnEveryCharacterAndTheSeed) {
  const std::string base = "find_numeric_0042";
  const PhiloxKey key = benchKey(1, base);
  EXPECT_EQ(key, benchKey(1, base));
  for (size_t i = 0; i < base.size(); ++i) {
    std::string other = base;
    other[i] = static_cast<char>(other[i] ^ 1);
    EXPECT_NE(key, benchKey(1, other)) << other;
  }
  EXPECT_NE(key, benchKey(1, base + "0"));
  EXPECT_NE(key, benchKey(1, base.substr(0, base.size() - 1)));
  EXPECT_NE(benchKey(1, ""), benchKey(1, "a"));
  EXPECT_NE(benchKey(1, "ab"), benchKey(1, "ba"));
  for (uint64_t seed : {0ull, 2ull, 1ull << 32, ~0ull})
    EXPECT_NE(key, benchKey(seed, base)) << seed;
  // Every bit of the 64-bit seed matters, the high word included.
  for (int bit = 0; bit < 64; ++bit)
    EXPECT_NE(key, benchKey(1 ^ (1ull << bit), base)) << "seed bit " << bit;
  // Both key words depend on the input.
  PhiloxKey other = benchKey(1, "find_numeric_0043");
  EXPECT_NE(key[0], other[0]);
  EXPECT_NE(key[1], other[1]);
}

// ---------------------------------------------------------------- domain --

TEST(BenchEffectsDomain, OutsideIsNaNWhateverTheEffects) {
  const double lo = -2.0, hi = 3.0;
  const std::vector<double> xs = {below(lo), lo, above(lo), 0.0, below(hi), hi, above(hi), -kInf, kInf, kNaN,
                                  -1e300, 1e300};
  auto inside = [&](double x) { return x >= lo && x <= hi; };
  // Corruption that covers everything but NaN/+inf ends, plus each noise.
  for (NoiseKind kind : {NoiseKind::None, NoiseKind::Normal, NoiseKind::Uniform, NoiseKind::Poisson}) {
    for (CorruptRegion r : {CorruptRegion::None, CorruptRegion::Below, CorruptRegion::Above}) {
      BenchEffects effects;
      effects.noise = {kind, 1.0};
      effects.corruption = region(r, r == CorruptRegion::Below ? 100.0 : -100.0, 0, 0.5, 1.0);
      effects.domainLo = lo;
      effects.domainHi = hi;
      std::vector<double> y(xs.size(), 1.25);
      applyEffects(effects, kKey, 0, xs.data(), y.data(), y.size());
      for (size_t i = 0; i < xs.size(); ++i) {
        if (inside(xs[i])) {
          EXPECT_TRUE(std::isfinite(y[i])) << "x = " << xs[i] << " kind " << static_cast<int>(kind) << " region "
                                           << static_cast<int>(r);
          if (kind == NoiseKind::None && r == CorruptRegion::None) {
            EXPECT_TRUE(sameBits(y[i], 1.25));
          }
        } else {
          EXPECT_TRUE(std::isnan(y[i])) << "x = " << xs[i] << " kind " << static_cast<int>(kind) << " region "
                                        << static_cast<int>(r) << ": " << y[i];
        }
      }
    }
  }
}

TEST(BenchEffectsDomain, DefaultDomainIsTheWholeLine) {
  BenchEffects effects;  // no effects, domain [-inf, inf]
  std::vector<double> xs = {-kInf, -1e308, 0.0, 1e308, kInf, kNaN};
  std::vector<double> y = {1, 2, 3, 4, 5, 6};
  applyEffects(effects, kKey, 0, xs.data(), y.data(), y.size());
  for (size_t i = 0; i + 1 < xs.size(); ++i)
    EXPECT_EQ(y[i], static_cast<double>(i + 1)) << "x = " << xs[i];
  EXPECT_TRUE(std::isnan(y.back())) << "NaN x is in no domain";
}

TEST(BenchEffectsDomain, DegenerateDomainIsOnePoint) {
  BenchEffects effects;
  effects.noise = {NoiseKind::Normal, 1.0};
  effects.domainLo = effects.domainHi = 0.5;
  std::vector<double> xs = {below(0.5), 0.5, above(0.5)};
  std::vector<double> y = {0, 0, 0};
  applyEffects(effects, kKey, 0, xs.data(), y.data(), y.size());
  EXPECT_TRUE(std::isnan(y[0]));
  EXPECT_TRUE(sameBits(y[1], noiseDraw(effects.noise, kKey, 1)));
  EXPECT_TRUE(std::isnan(y[2]));
}

// The spellings .fnd clauses and FIND's JSON use, both ways; None prints
// but is never read, so `noise none(1)` stays an unknown kind.
template <typename Enum>
void expectSpellings(std::initializer_list<std::pair<Enum, std::string_view>> named,
                     std::string_view (*name)(Enum), std::optional<Enum> (*fromName)(std::string_view),
                     std::string_view stranger) {
  for (auto [value, spelling] : named) {
    EXPECT_EQ(name(value), spelling);
    EXPECT_EQ(fromName(spelling), value) << spelling;
  }
  EXPECT_EQ(name(Enum::None), "none");
  for (std::string_view unknown : {std::string_view("none"), std::string_view(""), stranger})
    EXPECT_EQ(fromName(unknown), std::nullopt) << unknown;
}

TEST(BenchEffectsNames, NoiseKindsRoundTrip) {
  expectSpellings<NoiseKind>(
      {{NoiseKind::Normal, "normal"}, {NoiseKind::Uniform, "uniform"}, {NoiseKind::Poisson, "poisson"}},
      noiseKindName, noiseKindFromName, "Normal");
}

TEST(BenchEffectsNames, CorruptRegionsRoundTrip) {
  expectSpellings<CorruptRegion>(
      {{CorruptRegion::Below, "below"}, {CorruptRegion::Above, "above"}, {CorruptRegion::Inside, "inside"}},
      corruptRegionName, corruptRegionFromName, "outside");
}

} // namespace
} // namespace findc::rt
