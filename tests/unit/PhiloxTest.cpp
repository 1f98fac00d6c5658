#include "runtime/Philox.h"

#include <gtest/gtest.h>

#include <cmath>

namespace findc::rt {
namespace {

// Known-answer vectors from Random123's kat_vectors for philox4x32_10.
TEST(PhiloxTest, KnownAnswers) {
  EXPECT_EQ(philox4x32({0, 0, 0, 0}, {0, 0}), (PhiloxCounter{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
  EXPECT_EQ(philox4x32({0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, {0xffffffff, 0xffffffff}),
            (PhiloxCounter{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
  EXPECT_EQ(philox4x32({0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0}),
            (PhiloxCounter{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
}

TEST(PhiloxTest, UnitOpenStaysInsideTheInterval) {
  EXPECT_GT(unitOpen(0, 0), 0.0);
  EXPECT_LT(unitOpen(0xffffffff, 0xffffffff), 1.0);
}

struct Moments {
  double mean, variance;
};
template <typename Draw> Moments moments(Draw draw, int n) {
  double sum = 0, sumSquares = 0;
  for (int i = 0; i < n; ++i) {
    double v = draw(static_cast<uint32_t>(i));
    sum += v;
    sumSquares += v * v;
  }
  double mean = sum / n;
  return {mean, sumSquares / n - mean * mean};
}

constexpr int kDraws = 100000;
constexpr PhiloxKey kKey = {0x5eed, 42};

TEST(PhiloxTest, UniformMoments) {
  Moments m = moments([](uint32_t i) { return uniformPair({i, 0, 0, 0}, kKey).first; }, kDraws);
  EXPECT_NEAR(m.mean, 0.5, 0.005);
  EXPECT_NEAR(m.variance, 1.0 / 12, 0.002);
}

TEST(PhiloxTest, NormalMoments) {
  Moments m = moments([](uint32_t i) { return standardNormal({i, 1, 0, 0}, kKey); }, kDraws);
  EXPECT_NEAR(m.mean, 0.0, 0.015);
  EXPECT_NEAR(m.variance, 1.0, 0.02);
}

TEST(PhiloxTest, PoissonMoments) {
  for (double lambda : {1.0, 4.0}) {
    Moments m = moments([lambda](uint32_t i) { return static_cast<double>(poisson(lambda, {i, 2, 0, 0}, kKey)); },
                        kDraws);
    EXPECT_NEAR(m.mean, lambda, 0.03 * lambda) << "lambda " << lambda;
    EXPECT_NEAR(m.variance, lambda, 0.05 * lambda) << "lambda " << lambda;
  }
}

TEST(PhiloxTest, SameCounterSameDrawOtherCounterOtherDraw) {
  EXPECT_EQ(standardNormal({7, 0, 0, 0}, kKey), standardNormal({7, 0, 0, 0}, kKey));
  EXPECT_NE(standardNormal({7, 0, 0, 0}, kKey), standardNormal({8, 0, 0, 0}, kKey));
  EXPECT_NE(standardNormal({7, 0, 0, 0}, kKey), standardNormal({7, 0, 0, 0}, {0x5eed, 43}));
}

} // namespace
} // namespace findc::rt
