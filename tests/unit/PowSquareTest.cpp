// x ** n in exact mode: codegen writes glibc's pow(x, n) for n = 2 ... 8
// out as products where that is pow's value and calls pow elsewhere
// (Codegen's smallPower, docs/language.md "x ** n in exact mode"); here
// n = 2, 3, 4, 5 and 8; and x ** 0.5 as sqrt(x) where that is pow's value
// (halfPower). Against glibc's pow itself, bit for bit, on millions of
// doubles: random bit patterns (every exponent, subnormals, infinities,
// nans), random significands at every scale, the edges of the ranges the
// lowering treats apart, and x whose exact square lies near a rounding
// midpoint or near the lowering's tail bounds (constructed: x^2's tail
// chosen, x solved for), where glibc's pow and x * x part; cubes' tails
// are uniform over random significands, so those sample their bounds.
// Through both entries that carry it: the checked batch loop of
// py_pow(x, n) (vectorized, pow in a predicated masked call) and the batch
// loop of x ** n.0 (scalar).
#include "tests/unit/TestUtil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace findc {
namespace {

using test::describe;
using test::fromBits;
using test::sameReal;

// Called through a volatile pointer: the C++ compiler must not fold
// pow(x, 2.0) into x * x here.
double (*volatile glibcPow)(double, double) = &::pow;

// A square root of r modulo 2^k (r = 1 mod 8, 4 <= k <= 63), lifted bit by
// bit: if x^2 = r mod 2^i, x or x + 2^(i-1) is a root mod 2^(i+1).
uint64_t sqrtModPowerOfTwo(uint64_t r, int k) {
  uint64_t x = 1;
  for (int i = 3; i < k; ++i)
    if ((x * x - r) & ((uint64_t{1} << (i + 1)) - 1))
      x += uint64_t{1} << (i - 1);
  return x & ((uint64_t{1} << k) - 1);
}

// Doubles x whose square's tail (x^2 - round(x^2)) is `fraction` of an ulp
// give or take a few 2^-52 ulp (fraction in (0, 1): the part of the ulp
// above the double below x^2). x = m 2^e with m a 53-bit integer: m^2 has
// 105 or 106 bits, the low k = 52 or 53 of them are the tail, so m is a
// square root of the chosen tail modulo 2^k.
std::vector<double> nearTails(double fraction, std::mt19937_64& random) {
  std::vector<double> xs;
  for (int k : {52, 53}) {
    auto base = static_cast<uint64_t>(std::ldexp(fraction, k)) & ~uint64_t{7};
    for (int64_t t = -64; t <= 64; ++t) {
      uint64_t r = base + 1 + 8 * t; // odd squares are 1 mod 8
      uint64_t mask = (uint64_t{1} << k) - 1;
      uint64_t root = sqrtModPowerOfTwo(r & mask, k);
      for (uint64_t candidate : {root, (0 - root) & mask, (root + (uint64_t{1} << (k - 1))) & mask,
                                 (0 - root - (uint64_t{1} << (k - 1))) & mask}) {
        uint64_t m = k == 52 ? candidate | (uint64_t{1} << 52) : candidate;
        if (m < (uint64_t{1} << 52) || m >= (uint64_t{1} << 53))
          continue;
        unsigned __int128 square = static_cast<unsigned __int128>(m) * m;
        bool wide = square >> 105 != 0; // 106 bits: the tail is the low 53
        if (wide != (k == 53))
          continue;
        for (int e : {-510, -505, -500, -495, -490, -485, -480, -470, -300, -60, -33, -32, -31, -20, -1, 0, 1, 10,
                      31, 32, 33, 60, 300, 460, 510}) {
          int shift = e - 52 + static_cast<int>(random() % 3) - 1;
          double x = std::ldexp(static_cast<double>(m), shift);
          xs.push_back(random() % 2 ? -x : x);
        }
      }
    }
  }
  return xs;
}

std::vector<double> inputs() {
  std::mt19937_64 random(20261206);
  std::vector<double> xs = test::specialInputs();
  // Random bit patterns: every exponent, subnormals, infinities, nans.
  for (int i = 0; i < 4'000'000; ++i)
    xs.push_back(fromBits(random()));
  // Random significands at every scale whose square is a normal double.
  std::uniform_int_distribution<int> exponent(-490, 512);
  for (int i = 0; i < 4'000'000; ++i)
    xs.push_back(std::ldexp(fromBits(0x3ff0000000000000 | (random() >> 12)), exponent(random)));
  // Squares between the least normal double and 2^-969, where lo = fma(x,
  // x, -x * x) may be rounded.
  std::uniform_int_distribution<int> tiny(-512, -484);
  for (int i = 0; i < 1'000'000; ++i)
    xs.push_back(std::ldexp(fromBits(0x3ff0000000000000 | (random() >> 12)), tiny(random)));
  // Around the edges: x^2 near 2^-969 (below, lo is not exact), near 2^+-64
  // (the two tail bounds), near overflow, near powers of two.
  for (double at : {std::sqrt(0x1p-969), 0x1p-485, 0x1p-32, 0x1p32, std::sqrt(0x1.fffffffffffffp+1023), 0x1p512, 1.0,
                    0x1.6a09e667f3bcdp+0}) {
    for (int i = 0; i < 200'000; ++i) {
      auto step = static_cast<int64_t>(random() % 2'000'001) - 1'000'000;
      double x = at * (1 + std::ldexp(static_cast<double>(step), -40));
      xs.push_back(random() % 2 ? -x : x);
    }
    double x = at;
    for (int i = 0; i < 1000; ++i) {
      xs.push_back(x);
      xs.push_back(-x);
      x = std::nextafter(x, INFINITY);
    }
  }
  // Random significands whose cube is normal, and around the cube's edges:
  // x^3 near 2^-969, 2^+-64, overflow.
  std::uniform_int_distribution<int> cubeExponent(-322, 341);
  for (int i = 0; i < 2'000'000; ++i)
    xs.push_back(std::ldexp(fromBits(0x3ff0000000000000 | (random() >> 12)), cubeExponent(random)));
  for (double at : {std::cbrt(0x1p-969), std::cbrt(0x1p-64), std::cbrt(0x1p64), std::cbrt(0x1.fffffffffffffp+1023)})
    for (int i = 0; i < 200'000; ++i) {
      auto step = static_cast<int64_t>(random() % 2'000'001) - 1'000'000;
      double x = at * (1 + std::ldexp(static_cast<double>(step), -40));
      xs.push_back(random() % 2 ? -x : x);
    }
  // Random significands whose 4th, 5th or 8th power is normal, and around
  // those powers' edges (2^-969, 2^+-64, overflow).
  for (int n : {4, 5, 8}) {
    std::uniform_int_distribution<int> powerExponent(-969 / n, 1023 / n);
    for (int i = 0; i < 600'000; ++i)
      xs.push_back(std::ldexp(fromBits(0x3ff0000000000000 | (random() >> 12)), powerExponent(random)));
    for (double edge : {0x1p-969, 0x1p-64, 0x1p64, 0x1.fffffffffffffp+1023})
      for (int i = 0; i < 50'000; ++i) {
        auto step = static_cast<int64_t>(random() % 2'000'001) - 1'000'000;
        double x = std::pow(edge, 1.0 / n) * (1 + std::ldexp(static_cast<double>(step), -40));
        xs.push_back(random() % 2 ? -x : x);
      }
  }
  // Square roots (x ** 0.5): random significands at every scale, and around
  // 2^-960 (where the residual stops being exact), 2^+-128 (the tail
  // bounds' edges) and powers of two.
  std::uniform_int_distribution<int> anyExponent(-1074, 1023);
  for (int i = 0; i < 1'000'000; ++i)
    xs.push_back(std::ldexp(fromBits(0x3ff0000000000000 | (random() >> 12)), anyExponent(random)));
  for (double edge : {0x1p-960, 0x1p-128, 0x1p128, 4.0})
    for (int i = 0; i < 100'000; ++i) {
      auto step = static_cast<int64_t>(random() % 2'000'001) - 1'000'000;
      xs.push_back(edge * (1 + std::ldexp(static_cast<double>(step), -40)));
    }
  // Squares near a rounding midpoint and near the tail bounds (0.45, 0.48
  // of an ulp, each side).
  for (double fraction : {0.5, 0.45, 0.48, 0.52, 0.55, 0.4999, 0.5001})
    for (double x : nearTails(fraction, random))
      xs.push_back(x);
  return xs;
}

class PowSquareTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    xs_ = new std::vector<double>(inputs());
    compiled_ = test::compile(R"(
def square(x: real) -> real = py_pow(x, 2)
def pow_two(x: real) -> real = x ** 2.0
def cube(x: real) -> real = py_pow(x, 3)
def pow_three(x: real) -> real = x ** 3.0
def fourth(x: real) -> real = py_pow(x, 4)
def pow_five(x: real) -> real = x ** 5.0
def eighth(x: real) -> real = py_pow(x, 8)
def root(x: real) -> real = x ** 0.5
)")
                    .release();
    if (!compiled_->module)
      return;
    jit_ = test::makeJIT(MathMode::Exact).release();
    if (jit_)
      if (auto error = jit_->add(*compiled_->module)) {
        ADD_FAILURE() << llvm::toString(std::move(error));
        delete jit_;
        jit_ = nullptr;
      }
  }
  static void TearDownTestSuite() {
    delete jit_;
    delete compiled_;
    delete xs_;
  }

  static std::vector<double>* xs_;
  static test::Compiled* compiled_;
  static JIT* jit_;
};
std::vector<double>* PowSquareTest::xs_ = nullptr;
test::Compiled* PowSquareTest::compiled_ = nullptr;
JIT* PowSquareTest::jit_ = nullptr;

// The hard cases are hard: glibc's pow and the plain product differ on
// some of them.
TEST_F(PowSquareTest, InputsIncludePowersWherePowIsNotTheProduct) {
  size_t parted[4] = {0, 0, 0, 0};
  for (double x : *xs_)
    if (std::isfinite(x)) {
      parted[0] += glibcPow(x, 2.0) != x * x;
      parted[1] += glibcPow(x, 3.0) != x * x * x;
      parted[2] += glibcPow(x, 5.0) != x * x * x * x * x;
      parted[3] += x > 0 && glibcPow(x, 0.5) != std::sqrt(x);
    }
  EXPECT_GT(parted[0], 1000u);
  EXPECT_GT(parted[1], 1000u);
  EXPECT_GT(parted[2], 1000u);
  EXPECT_GT(parted[3], 100u);
}

void expectCheckedBatchIsGlibcPow(JIT& jit, const std::vector<double>& xs, const char* name, double n) {
  auto power = jit.checkedBatchEntry(name);
  ASSERT_TRUE(static_cast<bool>(power)) << llvm::toString(power.takeError());
  std::vector<double> ys(xs.size());
  std::vector<uint8_t> errors(xs.size());
  rt::Arena arena;
  rt::Context ctx{&arena};
  ctx.begin();
  (*power)(&ctx, xs.data(), ys.data(), errors.data(), static_cast<int64_t>(xs.size()));
  size_t differ = 0;
  for (size_t i = 0; i < xs.size(); ++i) {
    double x = xs[i];
    double expected = glibcPow(x, n);
    // float_pow: an infinite result of a finite base is an OverflowError.
    bool overflow = std::isinf(expected) && std::isfinite(x);
    auto kind = static_cast<rt::ErrorKind>(errors[i]);
    bool same = overflow ? kind == rt::ErrorKind::OverflowError
                         : kind == rt::ErrorKind::None && sameReal(ys[i], expected);
    if (!same && ++differ <= 10)
      ADD_FAILURE() << name << ": x = " << describe(x) << ": findc " << describe(ys[i]) << " (error "
                    << int(errors[i]) << "), glibc's pow " << describe(expected);
  }
  EXPECT_EQ(differ, 0u) << name << ": of " << xs.size();
}

void expectBatchIsGlibcPow(JIT& jit, const std::vector<double>& xs, const char* name, double n) {
  auto power = jit.batchEntry(name);
  ASSERT_TRUE(static_cast<bool>(power)) << llvm::toString(power.takeError());
  std::vector<double> ys(xs.size());
  (*power)(xs.data(), ys.data(), static_cast<int64_t>(xs.size()));
  size_t differ = 0;
  for (size_t i = 0; i < xs.size(); ++i) {
    double expected = glibcPow(xs[i], n);
    if (!sameReal(ys[i], expected) && ++differ <= 10)
      ADD_FAILURE() << name << ": x = " << describe(xs[i]) << ": findc " << describe(ys[i]) << ", glibc's pow "
                    << describe(expected);
  }
  EXPECT_EQ(differ, 0u) << name << ": of " << xs.size();
}

TEST_F(PowSquareTest, CheckedBatchOfPyPowIsGlibcPow) {
  ASSERT_TRUE(compiled_->module.has_value()) << compiled_->diagnosticsText();
  ASSERT_NE(jit_, nullptr);
  expectCheckedBatchIsGlibcPow(*jit_, *xs_, "square", 2.0);
  expectCheckedBatchIsGlibcPow(*jit_, *xs_, "cube", 3.0);
  expectCheckedBatchIsGlibcPow(*jit_, *xs_, "fourth", 4.0);
  expectCheckedBatchIsGlibcPow(*jit_, *xs_, "eighth", 8.0);
}

TEST_F(PowSquareTest, BatchOfPowIsGlibcPow) {
  ASSERT_TRUE(compiled_->module.has_value()) << compiled_->diagnosticsText();
  ASSERT_NE(jit_, nullptr);
  expectBatchIsGlibcPow(*jit_, *xs_, "pow_two", 2.0);
  expectBatchIsGlibcPow(*jit_, *xs_, "pow_three", 3.0);
  expectBatchIsGlibcPow(*jit_, *xs_, "pow_five", 5.0);
  expectBatchIsGlibcPow(*jit_, *xs_, "root", 0.5);
}

} // namespace
} // namespace findc
