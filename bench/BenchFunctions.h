// The functions the benchmarks evaluate, each written four ways: findc source
// (in FIND's style: `c0*x**0 + c1*x**1 + ...`), the same expression for
// muparser, and hand-written C++ (bench/Handwritten.cpp, compiled twice: plain
// -O2 and -O2 -march=native).
#pragma once

#include <cstdint>
#include <string>

namespace findc::bench {

using BatchFn = void (*)(const double* x, double* y, int64_t n);

// The hand-written baselines: `for i: y[i] = f(x[i])` in a separate
// translation unit, called through a noinline boundary.
#define FINDC_BENCH_DECLARE_CPP(ns)                                                                                \
  namespace ns {                                                                                                   \
  void polyBatch(const double* x, double* y, int64_t n);                                                           \
  void sineBatch(const double* x, double* y, int64_t n);                                                           \
  void rationalBatch(const double* x, double* y, int64_t n);                                                       \
  }
FINDC_BENCH_DECLARE_CPP(cpp_generic)
FINDC_BENCH_DECLARE_CPP(cpp_native)
#undef FINDC_BENCH_DECLARE_CPP

struct BenchFunction {
  const char* name;
  const char* what;
  // findc: the body of `def NAME(x: real) -> real = BODY`.
  const char* fndBody;
  // muparser syntax (`^` for powers), variable x.
  const char* muparser;
  BatchFn cppGeneric;
  BatchFn cppNative;
};

// The constants look like FIND's (two decimals). The rational's denominator
// has no real root, so every point is finite.
inline const BenchFunction kBenchFunctions[] = {
    {"poly", "degree-5 polynomial, FIND's c_k*x**k form",
     "0.84*x**0 + -1.26*x**1 + 0.37*x**2 + 2.05*x**3 + -0.58*x**4 + 0.11*x**5",
     "0.84*x^0 + -1.26*x^1 + 0.37*x^2 + 2.05*x^3 + -0.58*x^4 + 0.11*x^5", cpp_generic::polyBatch,
     cpp_native::polyBatch},
    {"sine", "a*sin(b*(x - c))", "2.37 * sin(1.62 * (x - 0.45))", "2.37 * sin(1.62 * (x - 0.45))",
     cpp_generic::sineBatch, cpp_native::sineBatch},
    {"rational", "p(x)/q(x), cubic over quadratic",
     "(1.2*x**3 + -0.7*x**2 + 0.3*x**1 + 2.1) / (0.8*x**2 + 0.6*x**1 + 1.9)",
     "(1.2*x^3 + -0.7*x^2 + 0.3*x^1 + 2.1) / (0.8*x^2 + 0.6*x^1 + 1.9)", cpp_generic::rationalBatch,
     cpp_native::rationalBatch},
};

inline std::string fndDefinition(const BenchFunction& fn, const std::string& name) {
  return "def " + name + "(x: real) -> real = " + fn.fndBody + "\n";
}

} // namespace findc::bench
