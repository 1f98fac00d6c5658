// round(x, digits): the shortcut through exact double arithmetic gives the
// double that writing out x's decimal expansion gives (CPython's way), at
// ties of the expansion, at ties of the scaled double alone, and at random.
#include "runtime/PyNumbers.h"
#include "TestUtil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace findc {
namespace {

struct Case {
  double x;
  int64_t digits;
};

void expectShortcutAgrees(const std::vector<Case>& cases) {
  size_t differ = 0;
  for (const Case& c : cases) {
    double fast = rt::roundDigits(c.x, c.digits);
    double reference = rt::roundDigitsByDecimal(c.x, c.digits);
    if (!test::sameReal(fast, reference) && ++differ <= 10)
      ADD_FAILURE() << "round(" << test::describe(c.x) << ", " << c.digits << "): " << test::describe(fast)
                    << ", expansion gives " << test::describe(reference);
  }
  EXPECT_EQ(differ, 0u) << "of " << cases.size();
}

TEST(PyRoundTest, ExactTiesGoToEven) {
  // (2k + 1) / 2^j: the expansion ends in 5 at digit j, a tie when rounded
  // to j - 1 digits; (2k + 1) * 5 * 10^m: a tie at digit -m - 1.
  std::vector<Case> cases;
  for (int k = 0; k < 200; ++k)
    for (int j = 1; j <= 12; ++j) {
      double x = (2.0 * k + 1.0) / std::ldexp(1.0, j);
      cases.push_back({x, j - 1});
      cases.push_back({-x, j - 1});
      cases.push_back({x, j - 2});
    }
  for (int k = 0; k < 200; ++k)
    for (int m = 0; m <= 15; ++m) {
      double x = (2.0 * k + 1.0) * 5.0 * std::pow(10.0, m);
      cases.push_back({x, -m - 1});
      cases.push_back({-x, -m - 1});
    }
  expectShortcutAgrees(cases);
}

TEST(PyRoundTest, NearTiesOfTheScaledValue) {
  // Decimal-looking inputs (1.005, 2.675, 0.125...) and their neighbours:
  // x * 10^digits lands on or next to a half, where the residual decides.
  std::vector<Case> cases;
  std::mt19937_64 random(20261206);
  for (int i = 0; i < 20000; ++i) {
    int digits = static_cast<int>(random() % 9);
    double scale = std::pow(10.0, digits + 1);
    double x = static_cast<double>(static_cast<int64_t>(random() % 2000000) * 10 + 5) / scale;
    for (double y : {x, std::nextafter(x, 0.0), std::nextafter(x, INFINITY)}) {
      cases.push_back({y, digits});
      cases.push_back({-y, digits});
    }
  }
  expectShortcutAgrees(cases);
}

TEST(PyRoundTest, RandomDoublesAndDigits) {
  std::vector<Case> cases;
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> exponent(-40.0, 40.0);
  for (int i = 0; i < 60000; ++i) {
    double x = std::pow(2.0, exponent(random)) * (random() % 2 ? 1.0 : -1.0);
    int64_t digits = static_cast<int64_t>(random() % 51) - 25;
    cases.push_back({x, digits});
  }
  for (double x : test::specialInputs())
    for (int64_t digits : {-400, -30, -22, -5, 0, 1, 5, 22, 30, 400})
      cases.push_back({x, digits});
  expectShortcutAgrees(cases);
}

} // namespace
} // namespace findc
