// Probe inputs for comparing a C++ restatement of a glibc function with the
// process's libm (GlibcExp.cpp, GlibcSin.cpp): half evenly spaced over
// (from, to), half random significands with a random sign at every scale
// 2^lowest ... 2^(lowest + scales - 1). Deterministic.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

namespace findc::glibc {

inline std::vector<double> probeInputs(int count, double from, double to, int lowest, int scales, uint64_t seed) {
  std::vector<double> xs;
  uint64_t state = seed;
  for (int i = 0; i < count; ++i) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    double significand = 1.0 + static_cast<double>(state >> 12) * 0x1p-52;
    xs.push_back(i < count / 2 ? from + (to - from) * i / (count / 2)
                               : std::ldexp(significand, static_cast<int>(state % scales) + lowest) *
                                     (state & (1u << 20) ? -1.0 : 1.0));
  }
  return xs;
}

} // namespace findc::glibc
