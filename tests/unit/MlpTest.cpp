#include "compiler/suite/Mlp.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

namespace findc::suite {
namespace {

// A batch target from a scalar function.
MlpTarget pointwise(std::function<double(double)> f) {
  return [f = std::move(f)](const double* x, double* y, size_t n) {
    for (size_t i = 0; i < n; ++i)
      y[i] = f(x[i]);
  };
}

// numpy's linspace(lo, hi, n), which trainMlp samples.
std::vector<double> linspace(double lo, double hi, unsigned n) {
  std::vector<double> grid(n);
  double step = (hi - lo) / static_cast<double>(n - 1);
  for (unsigned i = 0; i < n; ++i)
    grid[i] = static_cast<double>(i) * step + lo;
  grid.back() = hi;
  return grid;
}

// All weights in one vector: w1, b1, w2, b2.
std::vector<float> flatten(const MlpWeights& w) {
  std::vector<float> out;
  for (const auto* part : {&w.w1, &w.b1, &w.w2})
    out.insert(out.end(), part->begin(), part->end());
  out.push_back(w.b2);
  return out;
}

// All weights as bit patterns, so comparisons are exact (and NaN-safe).
std::vector<uint32_t> bits(const MlpWeights& w) {
  std::vector<uint32_t> out;
  for (float v : flatten(w))
    out.push_back(std::bit_cast<uint32_t>(v));
  return out;
}

// The MSE of `w` on the grid's points with a finite target, formed as
// documented: float32 residuals, squares summed in double.
double gridMse(const MlpWeights& w, const std::function<double(double)>& f, double lo, double hi, unsigned n) {
  double total = 0;
  size_t count = 0;
  for (double x : linspace(lo, hi, n)) {
    auto target = static_cast<float>(f(x));
    if (!std::isfinite(target))
      continue;
    double residual = evaluateMlp(w, static_cast<float>(x)) - target;
    total += residual * residual;
    ++count;
  }
  return total / static_cast<double>(count);
}

double variance(const std::function<double(double)>& f, double lo, double hi, unsigned n) {
  double sum = 0, sumSquares = 0;
  for (double x : linspace(lo, hi, n)) {
    sum += f(x);
    sumSquares += f(x) * f(x);
  }
  double mean = sum / n;
  return sumSquares / n - mean * mean;
}

TEST(MlpTest, EvaluateMatchesHandComputation) {
  MlpWeights w{{2.0f, -1.0f, 0.5f}, {-1.0f, 3.0f, 0.0f}, {1.5f, -2.0f, 4.0f}, 0.25f};
  // x = 1: z = (1, 2, 0.5), all active: 1.5 - 4 + 2 + 0.25.
  EXPECT_EQ(evaluateMlp(w, 1.0f), -0.25f);
  // x = 4: z = (7, -1, 2), the second unit cut off: 10.5 + 0 + 8 + 0.25.
  EXPECT_EQ(evaluateMlp(w, 4.0f), 18.75f);
  // x = 0.5: z = (0, 2.5, 0.25), the first unit exactly at the kink: 0 - 5 + 1 + 0.25.
  EXPECT_EQ(evaluateMlp(w, 0.5f), -3.75f);
  // x = -2: z = (-5, 5, -1), only the second unit: -10 + 0.25.
  EXPECT_EQ(evaluateMlp(w, -2.0f), -9.75f);
}

TEST(MlpTest, EvaluateTakesXAsFloat32) {
  // The unit's kink sits exactly at float(0.1). In double, x = 0.1 would give
  // z = 0.1 - float(0.1) = 1.49e-9 and an output of 1.6; in float32, the
  // input rounds onto the kink and the unit is off.
  MlpWeights w{{1.0f}, {-static_cast<float>(0.1)}, {0x1p30f}, 0.5f};
  EXPECT_EQ(evaluateMlp(w, static_cast<float>(0.1)), 0.5f);
  // 2^24 + 1 is not a float and rounds to 2^24, again onto the kink.
  MlpWeights big{{1.0f}, {-16777216.0f}, {3.0f}, 0.0f};
  EXPECT_EQ(evaluateMlp(big, static_cast<float>(16777217.0)), 0.0f);
  EXPECT_EQ(evaluateMlp(big, 16777218.0f), 6.0f);
}

TEST(MlpTest, InitialisationFollowsPyTorchRanges) {
  auto f = pointwise([](double x) { return x; });
  for (unsigned hidden : {64u, 16u}) {
    float bound2 = 1.0f / std::sqrt(static_cast<float>(hidden)); // layer 2: fan_in = hidden
    std::vector<float> b2s;
    for (uint64_t seed = 0; seed < 5; ++seed) {
      MlpOptions options{.hidden = hidden, .points = 10, .epochs = 0, .seed = seed};
      MlpWeights w = trainMlp(f, -1, 1, options).weights;
      ASSERT_EQ(w.w1.size(), hidden);
      ASSERT_EQ(w.b1.size(), hidden);
      ASSERT_EQ(w.w2.size(), hidden);
      auto [w1Min, w1Max] = std::minmax_element(w.w1.begin(), w.w1.end());
      auto [b1Min, b1Max] = std::minmax_element(w.b1.begin(), w.b1.end());
      auto [w2Min, w2Max] = std::minmax_element(w.w2.begin(), w.w2.end());
      // Layer 1 (fan_in 1): U(-1, 1), and the draws fill the range.
      EXPECT_GE(*w1Min, -1.0f);
      EXPECT_LE(*w1Max, 1.0f);
      EXPECT_GE(*b1Min, -1.0f);
      EXPECT_LE(*b1Max, 1.0f);
      EXPECT_LT(*w1Min, -0.5f);
      EXPECT_GT(*w1Max, 0.5f);
      EXPECT_LT(*b1Min, -0.5f);
      EXPECT_GT(*b1Max, 0.5f);
      // Layer 2: U(-1/sqrt(hidden), 1/sqrt(hidden)).
      EXPECT_GE(*w2Min, -bound2);
      EXPECT_LE(*w2Max, bound2);
      EXPECT_LT(*w2Min, -bound2 / 2);
      EXPECT_GT(*w2Max, bound2 / 2);
      EXPECT_LE(std::abs(w.b2), bound2);
      b2s.push_back(w.b2);
    }
    std::sort(b2s.begin(), b2s.end());
    EXPECT_EQ(std::unique(b2s.begin(), b2s.end()), b2s.end()) << "b2 should depend on the seed";
  }
}

TEST(MlpTest, InitialisationDependsOnlyOnTheSeed) {
  MlpOptions options{.points = 100, .epochs = 0, .seed = 7};
  MlpWeights a = trainMlp(pointwise([](double x) { return x; }), -1, 1, options).weights;
  MlpWeights b = trainMlp(pointwise([](double x) { return std::exp(x); }), 3, 50, options).weights;
  EXPECT_EQ(bits(a), bits(b));
}

TEST(MlpTest, SameSeedIsBitIdenticalOtherSeedDiffers) {
  auto f = pointwise([](double x) { return 26.8 * std::abs(x) - 8.2; });
  MlpOptions options{.points = 1000, .epochs = 300, .seed = 42};
  MlpFit first = trainMlp(f, -100, 100, options);
  MlpFit second = trainMlp(f, -100, 100, options);
  EXPECT_EQ(bits(first.weights), bits(second.weights));
  EXPECT_EQ(std::bit_cast<uint64_t>(first.mse), std::bit_cast<uint64_t>(second.mse));

  options.seed = 43;
  MlpFit other = trainMlp(f, -100, 100, options);
  EXPECT_NE(other.weights.w1, first.weights.w1);
  EXPECT_NE(other.weights.w2, first.weights.w2);
}

// A plain double-precision transcription of the recipe: dense loops over all
// points, PyTorch's MSE gradient and Adam update. trainMlp (float32, blocked,
// skipping inactive blocks) must follow the same trajectory closely.
MlpWeights referenceTrain(MlpWeights w, const std::function<double(double)>& f, double lo, double hi,
                          unsigned points, unsigned epochs, double lr) {
  std::vector<double> xs, ts;
  for (double x : linspace(lo, hi, points)) {
    auto t = static_cast<float>(f(x));
    if (!std::isfinite(t))
      continue;
    xs.push_back(static_cast<float>(x));
    ts.push_back(t);
  }
  const size_t h = w.w1.size(), n = xs.size();
  std::vector<double> p(3 * h + 1), m(p.size()), v(p.size()), g(p.size());
  for (size_t j = 0; j < h; ++j) {
    p[j] = w.w1[j];
    p[h + j] = w.b1[j];
    p[2 * h + j] = w.w2[j];
  }
  p[3 * h] = w.b2;
  for (unsigned step = 1; step <= epochs; ++step) {
    std::fill(g.begin(), g.end(), 0.0);
    for (size_t i = 0; i < n; ++i) {
      double y = p[3 * h];
      for (size_t j = 0; j < h; ++j)
        y += p[2 * h + j] * std::max(0.0, p[j] * xs[i] + p[h + j]);
      double dy = 2.0 * (y - ts[i]) / static_cast<double>(n);
      g[3 * h] += dy;
      for (size_t j = 0; j < h; ++j) {
        double z = p[j] * xs[i] + p[h + j];
        if (z <= 0)
          continue;
        g[2 * h + j] += dy * z;
        g[h + j] += dy * p[2 * h + j];
        g[j] += dy * p[2 * h + j] * xs[i];
      }
    }
    double c1 = 1 - std::pow(0.9, step), c2 = 1 - std::pow(0.999, step);
    for (size_t k = 0; k < p.size(); ++k) {
      m[k] = 0.9 * m[k] + 0.1 * g[k];
      v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
      p[k] -= lr / c1 * m[k] / (std::sqrt(v[k]) / std::sqrt(c2) + 1e-8);
    }
  }
  for (size_t j = 0; j < h; ++j) {
    w.w1[j] = static_cast<float>(p[j]);
    w.b1[j] = static_cast<float>(p[h + j]);
    w.w2[j] = static_cast<float>(p[2 * h + j]);
  }
  w.b2 = static_cast<float>(p[3 * h]);
  return w;
}

TEST(MlpTest, FollowsADensePrecisionReference) {
  // 50 points, not a whole number of blocks. With w1, b1 ~ U(-1, 1) most
  // kinks -b1/w1 lie inside [-3, 3], so most units are active on part of
  // the domain only.
  auto f = [](double x) { return 3 * std::sin(x) + 0.5 * x; };
  MlpOptions options{.hidden = 12, .points = 50, .epochs = 0, .seed = 3};
  MlpWeights start = trainMlp(pointwise(f), -3, 3, options).weights;
  options.epochs = 40;
  MlpFit fit = trainMlp(pointwise(f), -3, 3, options);
  MlpWeights reference = referenceTrain(start, f, -3, 3, options.points, options.epochs, options.learningRate);
  // 40 Adam steps of 0.01 move weights by up to 0.4; float32 rounding
  // shifts them by at most 2.4e-7 (measured), far less than one step.
  std::vector<float> got = flatten(fit.weights), want = flatten(reference), initial = flatten(start);
  float moved = 0;
  for (size_t k = 0; k < got.size(); ++k) {
    EXPECT_NEAR(got[k], want[k], 1e-5f) << "parameter " << k;
    moved = std::max(moved, std::abs(got[k] - initial[k]));
  }
  EXPECT_GT(moved, 0.1f) << "training should have moved the weights";
  EXPECT_NEAR(fit.mse, gridMse(reference, f, -3, 3, options.points), 1e-3 * fit.mse);
}

TEST(MlpTest, ReportedMseIsTheGridMse) {
  auto f = [](double x) { return 17.4 * std::sqrt(x) - 9.8; };
  MlpOptions options{.points = 1000, .epochs = 200};
  MlpFit fit = trainMlp(pointwise(f), 0, 100, options);
  EXPECT_DOUBLE_EQ(fit.mse, gridMse(fit.weights, f, 0, 100, options.points));
  options.epochs = 0;
  EXPECT_GT(trainMlp(pointwise(f), 0, 100, options).mse, 10 * fit.mse) << "training should lower the error";
}

TEST(MlpTest, FitsALinearFunction) {
  auto f = [](double x) { return 2 * x + 1; };
  double targetVariance = variance(f, -100, 100, 2000); // 13,336
  for (uint64_t seed = 0; seed < 4; ++seed) {
    MlpFit fit = trainMlp(pointwise(f), -100, 100, {.points = 2000, .epochs = 2000, .seed = seed});
    // Measured: 1.9e-4 to 1.2e-3 for seeds 0-3; 1e-2 is 1e-6 of the variance.
    EXPECT_LT(fit.mse, 1e-6 * targetVariance) << "seed " << seed;
  }
}

TEST(MlpTest, FitsAbsoluteValue) {
  auto f = [](double x) { return std::abs(x); };
  double targetVariance = variance(f, -100, 100, 2000); // about 833
  for (uint64_t seed = 0; seed < 4; ++seed) {
    MlpFit fit = trainMlp(pointwise(f), -100, 100, {.points = 2000, .epochs = 2000, .seed = seed});
    // Measured: 1.3e-3 to 3.2e-3 for seeds 0-3.
    EXPECT_LT(fit.mse, 1e-4 * targetVariance) << "seed " << seed;
  }
}

TEST(MlpTest, NonFiniteTargetsAreDropped) {
  // sqrt is NaN on the left half: training and the MSE use x >= 0 only.
  auto f = [](double x) { return std::sqrt(x); };
  MlpOptions options{.hidden = 16, .points = 101, .epochs = 500};
  MlpFit fit = trainMlp(pointwise(f), -1, 1, options);
  ASSERT_EQ(fit.weights.w1.size(), 16u);
  ASSERT_TRUE(std::isfinite(fit.mse));
  EXPECT_DOUBLE_EQ(fit.mse, gridMse(fit.weights, f, -1, 1, options.points));
  EXPECT_LT(fit.mse, 1e-2);
  // Beyond float range counts as non-finite too.
  MlpFit huge = trainMlp(pointwise([](double x) { return x < 0 ? 1e300 : x; }), -1, 1, options);
  EXPECT_DOUBLE_EQ(huge.mse, gridMse(huge.weights, [](double x) { return x < 0 ? INFINITY : x; }, -1, 1, 101));
}

TEST(MlpTest, NothingToTrainOnGivesAnEmptyFit) {
  auto nan = pointwise([](double) { return NAN; });
  MlpFit fit = trainMlp(nan, -1, 1, {.epochs = 10});
  EXPECT_TRUE(fit.weights.w1.empty());
  EXPECT_TRUE(std::isnan(fit.mse));
  auto line = pointwise([](double x) { return x; });
  EXPECT_TRUE(trainMlp(line, -1, INFINITY, {.epochs = 10}).weights.w1.empty());
  EXPECT_TRUE(trainMlp(line, -1, 1, {.points = 0, .epochs = 10}).weights.w1.empty());
}

} // namespace
} // namespace findc::suite
