// The hand-written C++ baselines for bench/BenchFunctions.h: each expression
// as a C++ programmer computes the same bits: std::pow where FIND writes **
// (GCC's pow(x, 2.0) -> x * x is off: -fno-builtin-pow), but x for x**1 and
// 1 for x**0, which glibc's pow computes exactly. In a loop
// `for i: y[i] = f(x[i])`. CMake compiles this file twice with explicit
// flags, independent of the build type: -O2 (baseline x86-64) and
// -O2 -march=native, both -ffp-contract=off and without -ffast-math, so math
// is glibc's scalar libm as in findc's exact mode.
#include "bench/BenchFunctions.h"

#include <cmath>

#ifndef FINDC_BENCH_CPP_VARIANT
#error "define FINDC_BENCH_CPP_VARIANT (cpp_generic or cpp_native)"
#endif

namespace findc::bench::FINDC_BENCH_CPP_VARIANT {
namespace {

inline double poly(double x) {
  return 0.84 + -1.26 * x + 0.37 * std::pow(x, 2.0) + 2.05 * std::pow(x, 3.0) + -0.58 * std::pow(x, 4.0) +
         0.11 * std::pow(x, 5.0);
}

inline double sine(double x) { return 2.37 * std::sin(1.62 * (x - 0.45)); }

inline double rational(double x) {
  return (1.2 * std::pow(x, 3.0) + -0.7 * std::pow(x, 2.0) + 0.3 * x + 2.1) /
         (0.8 * std::pow(x, 2.0) + 0.6 * x + 1.9);
}

} // namespace

__attribute__((noinline)) void polyBatch(const double* x, double* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    y[i] = poly(x[i]);
}

__attribute__((noinline)) void sineBatch(const double* x, double* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    y[i] = sine(x[i]);
}

__attribute__((noinline)) void rationalBatch(const double* x, double* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    y[i] = rational(x[i]);
}

} // namespace findc::bench::FINDC_BENCH_CPP_VARIANT
