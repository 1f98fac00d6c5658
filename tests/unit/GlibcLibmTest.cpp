// glibc's exp, sin and cos written out in exact mode
// (compiler/codegen/GlibcExp.h, GlibcSin.h; Codegen's glibcCall):
// the JIT's exp, sin and cos, vectorized in a batch loop
// (glibc's algorithm) and scalar in the scalar entry (a libm call),
// against this process's libm, bit for bit, on millions of
// doubles: random bit patterns (every exponent, subnormals, infinities,
// nans), each fast range whole and each side of its edges (where the next
// range or the slow path takes over), and for sin and cos the inputs whose reduced
// argument is nearest each table entry glibc's table rounds differently.
// And the C++ fast paths that guard the inlining, on the same inputs.
#include "compiler/codegen/GlibcExp.h"
#include "compiler/codegen/GlibcSin.h"
#include "tests/unit/TestUtil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace findc {
namespace {

using test::describe;
using test::fromBits;
using test::sameReal;

double (*volatile libmExp)(double) = &::exp;
double (*volatile libmSin)(double) = &::sin;
double (*volatile libmCos)(double) = &::cos;

// Special inputs, random bit patterns (every exponent, subnormals,
// infinities, nans), `uniform` points each from the given ranges, random
// significands at every scale 2^lowest ... 2^highest (either sign), and
// 2,000 doubles each side of every edge (either sign).
std::vector<double> inputs(uint64_t seed, std::initializer_list<std::pair<double, double>> ranges, int uniform,
                           int lowest, int highest, std::initializer_list<double> edges) {
  std::mt19937_64 random(seed);
  std::vector<double> xs = test::specialInputs();
  for (int i = 0; i < 1'000'000; ++i)
    xs.push_back(fromBits(random()));
  for (auto [from, to] : ranges) {
    std::uniform_real_distribution<double> range(from, to);
    for (int i = 0; i < uniform; ++i)
      xs.push_back(range(random));
  }
  std::uniform_int_distribution<int> scale(lowest, highest);
  for (int i = 0; i < 1'000'000; ++i) {
    double x = std::ldexp(fromBits(0x3ff0000000000000 | (random() >> 12)), scale(random));
    xs.push_back(random() % 2 ? -x : x);
  }
  for (double edge : edges) {
    double up = edge, down = edge;
    for (int i = 0; i < 2000; ++i) {
      for (double x : {up, down}) {
        xs.push_back(x);
        xs.push_back(-x);
      }
      up = std::nextafter(up, INFINITY);
      down = std::nextafter(down, 0.0);
    }
  }
  return xs;
}

// exp: its fast path's scales (2^-54 ... 2^8) and edges, and where it
// overflows and underflows to subnormals and zero.
std::vector<double> expInputs() {
  return inputs(20261207, {{-750.0, 750.0}, {-1.0, 1.0}}, 2'000'000, -56, 9,
                {0x1p-54, 512.0, 709.782712893384, 745.1332191019411, 708.39641853226408});
}

// sin and cos: each range whole and each side of its bounds, and around
// X = i/128 for every table row (the rows whose rests glibc rounds
// differently among them), directly and after the reduction by pi/2.
std::vector<double> sinInputs() {
  std::vector<double> xs = inputs(20261208, {{-10.0, 10.0}, {-1.2e8, 1.2e8}, {-100.0, 100.0}}, 1'000'000, -30, 27,
                                  {0x1p-26, 0x1p-27, glibc::kSinTaylorBound, 0.855469, 2.426265, 105414350.0,
                                   glibc::kSinHp0, 2 * glibc::kSinHp0, 3 * glibc::kSinHp0, 0.5 / 128});
  for (int row = 0; row < glibc::kSinTableEntries; ++row)
    for (int k = -200; k <= 200; ++k) {
      double x = row / 128.0 + k * 0x1p-20;
      xs.push_back(x);
      xs.push_back(x + 7 * glibc::kSinHp0);
      xs.push_back(glibc::kSinHp0 - x);
    }
  return xs;
}

TEST(GlibcLibmTest, ThisHostWritesOutExpSinAndCos) {
  // This project's machines: x86-64 with FMA and AVX2, glibc 2.36. Without
  // this the tests below would test libm against itself.
  auto target = createHostTargetMachine();
  ASSERT_TRUE(static_cast<bool>(target)) << llvm::toString(target.takeError());
  EXPECT_TRUE(glibc::libmExpIsFastPath());
  EXPECT_TRUE(glibc::libmSinIsFastPath());
  EXPECT_EQ(hostLibmInlining(**target), LibmInlining::HostChecked);
}

void expectFastPathIsLibm(const std::vector<double>& xs, bool (*takes)(double), double (*fastPath)(double),
                          double (*libm)(double), size_t atLeast) {
  size_t differ = 0, fast = 0;
  for (double x : xs) {
    if (!takes(x))
      continue;
    ++fast;
    double got = fastPath(x), want = libm(x);
    if (!sameReal(got, want) && ++differ <= 10)
      ADD_FAILURE() << "x = " << describe(x) << ": fast path " << describe(got) << ", libm " << describe(want);
  }
  EXPECT_GT(fast, atLeast);
  EXPECT_EQ(differ, 0u) << "of " << fast;
}

TEST(GlibcLibmTest, ExpFastPathIsLibmExp) {
  expectFastPathIsLibm(expInputs(), glibc::takesExpFastPath, glibc::expFastPath, libmExp, 4'000'000);
}

TEST(GlibcLibmTest, SinFastPathIsLibmSin) {
  expectFastPathIsLibm(sinInputs(), glibc::takesSinFastPath, glibc::sinFastPath, libmSin, 4'000'000);
}

TEST(GlibcLibmTest, CosFastPathIsLibmCos) {
  expectFastPathIsLibm(sinInputs(), glibc::takesSinFastPath, glibc::cosFastPath, libmCos, 4'000'000);
}

void expectJITIsLibm(const char* source, const char* name, const std::vector<double>& xs, double (*libm)(double)) {
  auto compiled = test::compile(source);
  ASSERT_TRUE(compiled->module.has_value()) << compiled->diagnosticsText();
  auto jit = test::makeJIT(MathMode::Exact);
  ASSERT_NE(jit, nullptr);
  ASSERT_FALSE(static_cast<bool>(jit->add(*compiled->module)));
  auto batch = jit->batchEntry(name);
  auto scalar = jit->scalarEntry(name);
  ASSERT_TRUE(static_cast<bool>(batch)) << llvm::toString(batch.takeError());
  ASSERT_TRUE(static_cast<bool>(scalar)) << llvm::toString(scalar.takeError());
  std::vector<double> ys(xs.size());
  (*batch)(xs.data(), ys.data(), static_cast<int64_t>(xs.size()));
  size_t differ = 0;
  for (size_t i = 0; i < xs.size(); ++i) {
    double want = libm(xs[i]);
    bool batchSame = sameReal(ys[i], want);
    bool scalarSame = i % 7 != 0 || sameReal((*scalar)(xs[i]), want); // every 7th: the scalar entry too
    if ((!batchSame || !scalarSame) && ++differ <= 10)
      ADD_FAILURE() << "x = " << describe(xs[i]) << ": batch " << describe(ys[i]) << ", libm " << describe(want)
                    << (scalarSame ? "" : " (the scalar entry differs too)");
  }
  EXPECT_EQ(differ, 0u) << name << ": of " << xs.size();
}

TEST(GlibcLibmTest, JITExpIsLibmExpInBothEntries) {
  expectJITIsLibm("def grow(x: real) -> real = exp(x)\n", "grow", expInputs(), libmExp);
}

TEST(GlibcLibmTest, JITSinIsLibmSinInBothEntries) {
  expectJITIsLibm("def wave(x: real) -> real = sin(x)\n", "wave", sinInputs(), libmSin);
}

TEST(GlibcLibmTest, JITCosIsLibmCosInBothEntries) {
  expectJITIsLibm("def swing(x: real) -> real = cos(x)\n", "swing", sinInputs(), libmCos);
}

} // namespace
} // namespace findc
