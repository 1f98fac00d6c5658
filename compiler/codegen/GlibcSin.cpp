#include "compiler/codegen/GlibcSin.h"
#include "compiler/codegen/GlibcProbes.h"

#include <bit>
#include <cmath>

namespace findc::glibc {
namespace {

uint32_t topOf(double x) { return static_cast<uint32_t>(std::bit_cast<uint64_t>(x) >> 32) & 0x7fffffff; }

struct TableRow {
  double sn, ssn, cs, ccs;
};
// t's nearest X = i/128 (u = |t| + big holds i in its low bits), and |t| - X.
TableRow tableRow(double magnitude, double& offset) {
  double u = magnitude + kSinBig;
  offset = magnitude - (u - kSinBig);
  auto i = static_cast<uint32_t>(std::bit_cast<uint64_t>(u)) * 4;
  return {std::bit_cast<double>(kSinTable[i]), std::bit_cast<double>(kSinTable[i + 1]),
          std::bit_cast<double>(kSinTable[i + 2]), std::bit_cast<double>(kSinTable[i + 3])};
}

double sinPolynomial(double xx) { return std::fma(xx, kSinSn5, kSinSn3); }
double cosPolynomial(double xx) { return std::fma(xx, std::fma(xx, kSinCs6, kSinCs4), kSinCs2); }

// s_sin.c's do_sin(a, da): sin(a + da).
double doSin(double a, double da) {
  if (std::fabs(a) < kSinTaylorBound) {
    double xx = a * a;
    double p = std::fma(std::fma(std::fma(std::fma(kSinS5, xx, kSinS4), xx, kSinS3), xx, kSinS2), xx, kSinS1);
    return a + std::fma(xx, std::fma(p, a, -(0.5 * da)), da);
  }
  double dx = a <= 0 ? -da : da;
  double x = 0;
  TableRow row = tableRow(std::fabs(a), x);
  double xx = x * x;
  double s = x + std::fma(x * xx, sinPolynomial(xx), dx);
  double c = std::fma(x, dx, xx * cosPolynomial(xx));
  double cor = std::fma(s, row.cs, std::fma(-c, row.sn, std::fma(s, row.ccs, row.ssn)));
  return std::copysign(row.sn + cor, a);
}

// s_sin.c's do_cos(a, da): cos(a + da).
double doCos(double a, double da) {
  double dx = a < 0 ? -da : da;
  double x = 0;
  TableRow row = tableRow(std::fabs(a), x);
  x += dx;
  double xx = x * x;
  double s = std::fma(x * xx, sinPolynomial(xx), x);
  double c = xx * cosPolynomial(xx);
  double cor = std::fma(-s, row.sn, std::fma(-c, row.cs, std::fma(-s, row.ssn, row.ccs)));
  return row.cs + cor;
}

// reduce_sincos: x - n pi/2 = a + da, n mod 4.
uint32_t reduce(double x, double& a, double& da) {
  double t = std::fma(x, kSinHpInv, kSinToInt);
  double xn = t - kSinToInt;
  double y = std::fma(-xn, kSinMp2, std::fma(-xn, kSinMp1, x));
  double t2 = std::fma(-xn, kSinPp3, y);
  double db = std::fma(-kSinPp3, xn, y - t2);
  a = std::fma(-xn, kSinPp4, t2);
  da = db + std::fma(-xn, kSinPp4, t2 - a);
  return static_cast<uint32_t>(std::bit_cast<uint64_t>(t)) & 3;
}

// do_sincos(a, da, n): sin(a + da + n pi/2).
double doSinCos(double a, double da, uint32_t n) {
  double r = n & 1 ? doCos(a, da) : doSin(a, da);
  return n & 2 ? -r : r;
}

} // namespace

bool takesSinFastPath(double x) { return topOf(x) < kSinReducedTop; }

double sinFastPath(double x) {
  uint32_t top = topOf(x);
  if (top < kSinTinyTop)
    return x;
  if (top < kSinTableTop)
    return doSin(x, 0.0);
  if (top < kSinCosTop)
    return std::copysign(doCos(kSinHp0 - std::fabs(x), kSinHp1), x);
  double a = 0, da = 0;
  uint32_t n = reduce(x, a, da);
  return doSinCos(a, da, n);
}

double cosFastPath(double x) {
  uint32_t top = topOf(x);
  if (top < kCosTinyTop)
    return 1.0;
  if (top < kSinTableTop)
    return doCos(x, 0.0);
  if (top < kSinCosTop) {
    double y = kSinHp0 - std::fabs(x);
    double a = y + kSinHp1;
    return doSin(a, (y - a) + kSinHp1);
  }
  double a = 0, da = 0;
  uint32_t n = reduce(x, a, da);
  return doSinCos(a, da, n + 1);
}

bool libmSinIsFastPath() {
  // Called through volatile pointers: the C++ compiler must not fold them.
  double (*volatile libmSin)(double) = &::sin;
  double (*volatile libmCos)(double) = &::cos;
  // Over (-40, 40), and at every scale of the fast ranges (2^-27 ... 2^26).
  for (double x : probeInputs(512, -39.99, 39.99, -27, 54, 0x2545f4914f6cdd1d)) {
    if (!takesSinFastPath(x))
      continue;
    if (std::bit_cast<uint64_t>(libmSin(x)) != std::bit_cast<uint64_t>(sinFastPath(x)) ||
        std::bit_cast<uint64_t>(libmCos(x)) != std::bit_cast<uint64_t>(cosFastPath(x)))
      return false;
  }
  return true;
}

} // namespace findc::glibc
