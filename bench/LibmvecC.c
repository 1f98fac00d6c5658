/* The C + libmvec baseline of findc's vector math mode: the functions of
 * bench/BenchFunctions.h as a C programmer writes them for speed, compiled by
 * CMake (bench/CMakeLists.txt) with gcc -O3 -march=native -ffast-math. Under
 * __FAST_MATH__ glibc's <math.h> declares sin's SIMD variants, so GCC
 * vectorizes the loop and calls libmvec at the widest ISA -march=native has
 * (_ZGVeN8v_sin with AVX-512); -ffast-math also turns pow(x, n) for small
 * integer n into multiplications, as findc's vector mode does. Loop
 * `for i: y[i] = f(x[i])`, behind a noinline call, like Handwritten.cpp. */
#include <math.h>
#include <stdint.h>

#ifndef __FAST_MATH__
#error "LibmvecC.c is the -ffast-math baseline: compile it with -ffast-math"
#endif

static inline double poly(double x) {
  return 0.84 + -1.26 * x + 0.37 * pow(x, 2.0) + 2.05 * pow(x, 3.0) + -0.58 * pow(x, 4.0) + 0.11 * pow(x, 5.0);
}

static inline double sine(double x) { return 2.37 * sin(1.62 * (x - 0.45)); }

static inline double rational(double x) {
  return (1.2 * pow(x, 3.0) + -0.7 * pow(x, 2.0) + 0.3 * x + 2.1) / (0.8 * pow(x, 2.0) + 0.6 * x + 1.9);
}

__attribute__((noinline)) void findc_bench_c_libmvec_poly(const double* x, double* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    y[i] = poly(x[i]);
}

__attribute__((noinline)) void findc_bench_c_libmvec_sine(const double* x, double* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    y[i] = sine(x[i]);
}

__attribute__((noinline)) void findc_bench_c_libmvec_rational(const double* x, double* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    y[i] = rational(x[i]);
}
