// glibc's exp written out inline in exact mode (compiler/codegen/GlibcExp.h,
// Codegen's exactExp): the JIT's exp, vectorized in a batch loop and
// scalar in the scalar entry, against this process's libm exp, bit for bit,
// on millions of doubles: random bit patterns (every exponent, subnormals,
// infinities, nans), the fast path's whole range and its edges (2^-54,
// 512, where the slow path takes over), overflow and underflow. And the
// C++ fast path that guards the inlining, on the same inputs.
#include "compiler/codegen/GlibcExp.h"
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

std::vector<double> inputs() {
  std::mt19937_64 random(20261207);
  std::vector<double> xs = test::specialInputs();
  for (int i = 0; i < 1'000'000; ++i)
    xs.push_back(fromBits(random()));
  std::uniform_real_distribution<double> work(-750.0, 750.0), unit(-1.0, 1.0);
  for (int i = 0; i < 2'000'000; ++i) {
    xs.push_back(work(random));
    xs.push_back(unit(random));
  }
  // Random significands at every scale of the fast path (2^-54 ... 2^8).
  std::uniform_int_distribution<int> scale(-56, 9);
  for (int i = 0; i < 1'000'000; ++i) {
    double x = std::ldexp(fromBits(0x3ff0000000000000 | (random() >> 12)), scale(random));
    xs.push_back(random() % 2 ? -x : x);
  }
  // Each side of the fast path's edges, and where exp overflows and
  // underflows to subnormals and zero.
  for (double edge : {0x1p-54, 512.0, 709.782712893384, 745.1332191019411, 708.39641853226408}) {
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

TEST(GlibcExpTest, ThisHostInlinesExp) {
  // This project's machines: x86-64 with FMA and AVX2, glibc 2.36. Without
  // this the tests below would test libm against itself.
  auto target = createHostTargetMachine();
  ASSERT_TRUE(static_cast<bool>(target)) << llvm::toString(target.takeError());
  EXPECT_TRUE(glibc::libmExpIsFastPath());
  EXPECT_TRUE(canInlineGlibcExp(**target));
}

TEST(GlibcExpTest, FastPathIsLibmExp) {
  size_t differ = 0, fast = 0;
  for (double x : inputs()) {
    if (!glibc::takesExpFastPath(x))
      continue;
    ++fast;
    double got = glibc::expFastPath(x), want = libmExp(x);
    if (!sameReal(got, want) && ++differ <= 10)
      ADD_FAILURE() << "x = " << describe(x) << ": fast path " << describe(got) << ", libm " << describe(want);
  }
  EXPECT_GT(fast, 4'000'000u);
  EXPECT_EQ(differ, 0u) << "of " << fast;
}

TEST(GlibcExpTest, JITExpIsLibmExpInBothEntries) {
  auto compiled = test::compile("def grow(x: real) -> real = exp(x)\n");
  ASSERT_TRUE(compiled->module.has_value()) << compiled->diagnosticsText();
  auto jit = test::makeJIT(MathMode::Exact);
  ASSERT_NE(jit, nullptr);
  ASSERT_FALSE(static_cast<bool>(jit->add(*compiled->module)));
  auto batch = jit->batchEntry("grow");
  auto scalar = jit->scalarEntry("grow");
  ASSERT_TRUE(static_cast<bool>(batch)) << llvm::toString(batch.takeError());
  ASSERT_TRUE(static_cast<bool>(scalar)) << llvm::toString(scalar.takeError());
  std::vector<double> xs = inputs();
  std::vector<double> ys(xs.size());
  (*batch)(xs.data(), ys.data(), static_cast<int64_t>(xs.size()));
  size_t differ = 0;
  for (size_t i = 0; i < xs.size(); ++i) {
    double want = libmExp(xs[i]);
    bool batchSame = sameReal(ys[i], want);
    bool scalarSame = i % 7 != 0 || sameReal((*scalar)(xs[i]), want); // every 7th: the scalar entry too
    if ((!batchSame || !scalarSame) && ++differ <= 10)
      ADD_FAILURE() << "x = " << describe(xs[i]) << ": batch " << describe(ys[i]) << ", libm " << describe(want)
                    << (scalarSame ? "" : " (the scalar entry differs too)");
  }
  EXPECT_EQ(differ, 0u) << "of " << xs.size();
}

} // namespace
} // namespace findc
