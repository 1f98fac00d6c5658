// The libm cores the JIT's code calls instead of glibc's exp, log and pow
// (compiler/jit/JIT.h, libmCores): on every input, the bits of the
// functions C and Python call (their errno-setting wrappers).
#include "compiler/jit/JIT.h"
#include "tests/unit/TestUtil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <dlfcn.h>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace findc {
namespace {

using test::describe;
using test::fromBits;
using test::sameReal;

// Random bit patterns (every sign, exponent and payload), random values in
// the ranges where the functions do their work, and the edges: zeros,
// infinities, NaN, subnormals, and where exp overflows and underflows.
std::vector<double> inputs() {
  std::mt19937_64 random(20261206);
  std::vector<double> xs = test::specialInputs();
  for (double edge : {709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412, -708.4, 1e-300,
                      4.9e-324, -4.9e-324, 2.2250738585072014e-308, 1.0, -1.0, 0.5, 2.0, 0x1p-54, -0x1p-54})
    xs.push_back(edge);
  std::uniform_real_distribution<double> work(-750.0, 750.0), small(-2.0, 2.0);
  for (int i = 0; i < (1 << 18); ++i) {
    xs.push_back(fromBits(random()));
    xs.push_back(work(random));
    xs.push_back(small(random));
  }
  return xs;
}

TEST(LibmCores, EachIsItsFunctionBitForBit) {
  std::vector<LibmCore> cores = libmCores();
  std::vector<std::string> names;
  for (const LibmCore& core : cores)
    names.push_back(core.name);
  // glibc 2.29 and later, as on this project's machines (Debian 12: 2.36).
  EXPECT_EQ(names, (std::vector<std::string>{"exp", "log", "pow"}));
  std::vector<double> xs = inputs();
  const std::vector<double> exponents = {2.0, 3.0, -1.0, 0.5, 1.0 / 3.0, -2.5, 1e-3, 1e3, 0.0, -0.0};
  for (const LibmCore& core : cores) {
    int wrong = 0;
    auto check = [&](double got, double want, double x, std::optional<double> y) {
      if (!sameReal(got, want) && wrong++ < 5)
        ADD_FAILURE() << core.name << "(" << describe(x) << (y ? ", " + describe(*y) : "") << "): core "
                      << describe(got) << ", libm " << describe(want);
    };
    std::string name = core.name;
    if (name == "pow") {
      auto pow2 = reinterpret_cast<double (*)(double, double)>(core.address);
      for (double x : xs)
        for (double y : exponents)
          check(pow2(x, y), std::pow(x, y), x, y);
      for (size_t i = 0; i + 1 < xs.size(); i += 2)
        check(pow2(xs[i], xs[i + 1]), std::pow(xs[i], xs[i + 1]), xs[i], xs[i + 1]);
    } else {
      auto one = reinterpret_cast<double (*)(double)>(core.address);
      double (*libm)(double) = name == "exp" ? static_cast<double (*)(double)>(std::exp)
                                             : static_cast<double (*)(double)>(std::log);
      for (double x : xs)
        check(one(x), libm(x), x, std::nullopt);
    }
    EXPECT_EQ(wrong, 0) << core.name;
  }
}

} // namespace
} // namespace findc
