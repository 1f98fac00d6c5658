#include "compiler/codegen/GlibcExp.h"

#include <bit>
#include <cmath>

namespace findc::glibc {

bool takesExpFastPath(double x) {
  uint64_t top = (std::bit_cast<uint64_t>(x) >> 52) & 0x7ff;
  return top - kExpFastTopBase < kExpFastTopRange;
}

// The operations of __exp_fma's fast path, each fma where it has one (this
// file is compiled with -ffp-contract=off, so nothing else is fused).
double expFastPath(double x) {
  double kd = std::fma(x, kExpInvLn2N, kExpShift);
  auto ki = std::bit_cast<uint64_t>(kd);
  kd -= kExpShift;
  double r = std::fma(kd, kExpNegLn2HiN, x);
  r = std::fma(kd, kExpNegLn2LoN, r);
  uint64_t index = 2 * (ki & ((1u << kExpTableBits) - 1));
  double tail = std::bit_cast<double>(kExpTable[index]);
  double scale = std::bit_cast<double>(kExpTable[index + 1] + (ki << (52 - kExpTableBits)));
  double r2 = r * r;
  double low = std::fma(std::fma(r, kExpC3, kExpC2), r2, r + tail);
  double tmp = std::fma(r2 * r2, std::fma(r, kExpC5, kExpC4), low);
  return std::fma(scale, tmp, scale);
}

bool libmExpIsFastPath() {
  // Called through a volatile pointer: the C++ compiler must not fold it.
  double (*volatile libmExp)(double) = &::exp;
  constexpr int kProbes = 256;
  uint64_t state = 0x9e3779b97f4a7c15;
  for (int i = 0; i < kProbes; ++i) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    // Evenly over (-512, 512), then random significands at every fast scale.
    double x = i < kProbes / 2 ? -511.75 + 1023.5 * i / (kProbes / 2)
                               : std::ldexp(1.0 + (state >> 12) * 0x1p-52, static_cast<int>(state % 62) - 54) *
                                     (state & (1u << 20) ? -1.0 : 1.0);
    if (takesExpFastPath(x) && std::bit_cast<uint64_t>(libmExp(x)) != std::bit_cast<uint64_t>(expFastPath(x)))
      return false;
  }
  return true;
}

} // namespace findc::glibc
