#include "compiler/codegen/GlibcExp.h"
#include "compiler/codegen/GlibcProbes.h"

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
  // Over (-512, 512), and at every fast scale (2^-54 ... 2^7).
  for (double x : probeInputs(256, -511.75, 511.75, -54, 62, 0x9e3779b97f4a7c15))
    if (takesExpFastPath(x) && std::bit_cast<uint64_t>(libmExp(x)) != std::bit_cast<uint64_t>(expFastPath(x)))
      return false;
  return true;
}

} // namespace findc::glibc
