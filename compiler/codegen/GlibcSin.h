// glibc's sin and cos, as the JIT's vectorized loops compute them in exact
// mode.
//
// glibc's sin and cos are IBM's (sysdeps/ieee754/dbl-64/s_sin.c); its
// x86-64 build runs variants compiled for FMA and AVX2 (__sin_fma,
// __cos_fma) on CPUs that have both. sin, by |x|:
//  - below 2^-26: x;
//  - below 0.855469: do_sin(x, 0): below 0.126 a Taylor polynomial,
//    else sin(X + t) = sin X cos t + cos X sin t around the nearest
//    X = i/128, sin X and cos X from a table (as a double and the rest of
//    it), sin t and cos t - 1 polynomials;
//  - below 2.426265: cos(pi/2 - |x|) the same way (do_cos), x's sign;
//  - below 105414350: x reduced by pi/2 in four parts (a + da, quadrant
//    n), then do_sin or do_cos of a + da by n, negated in quadrants 2, 3;
//  - beyond, infinities and nan: a long reduction (__branred): libm.
// cos: 1 below 2^-27, do_cos(x, 0) below 0.855469, do_sin(a, da) with
// a + da = (pi/2 - |x|) below 2.426265, do_sincos(a, da, n + 1) beyond.
// Every step rounded as __sin_fma and __cos_fma round it, each fma where
// they have one. Codegen's glibcCall calls libm with vector variants
// that compute all the fast ranges for every lane and pick each lane's;
// sinFastPath and cosFastPath are the same in C++, which
// libmSinIsFastPath compares with this host's libm before codegen relies
// on them.
//
// The table (scripts/gen_glibc_tables.py) is sin X and cos X rounded,
// each with its rest rounded. glibc's table has the same 220 high parts;
// 18 of its 220 rests differ from ours in their last 1 to 6 bits (its
// authors computed them to about 2^-113). A rest is added to terms of
// about 2^-60 relative size and rounded: a last-bit change reaches the
// result only where that sum lies within 2^-100 of a rounding boundary,
// and then the result's rounding itself, near 2^-53: odds of about 2^-48
// per input. GlibcSinTest finds no difference on millions of inputs.
#pragma once

#include <array>
#include <cstdint>

namespace findc::glibc {

// |x|'s high 32 bits at each range's end (s_sin.c's bounds).
inline constexpr uint32_t kSinTinyTop = 0x3e500000;    // 2^-26: sin x = x
inline constexpr uint32_t kCosTinyTop = 0x3e400000;    // 2^-27: cos x = 1
inline constexpr uint32_t kSinTableTop = 0x3feb6000;   // 0.855469: do_sin(x, 0)
inline constexpr uint32_t kSinCosTop = 0x400368fd;     // 2.426265: cos(pi/2 - |x|)
inline constexpr uint32_t kSinReducedTop = 0x419921fb; // 105414350: reduced by pi/2

inline constexpr double kSinTaylorBound = 0x1.020c49ba5e354p-3; // 0.126
inline constexpr double kSinBig = 0x1.8p45;                     // rounds |t| to i/128, i in the low bits
// sin t = t + t^3 (sn3 + t^2 sn5), cos t = 1 - t^2 (cs2 + t^2 (cs4 + t^2 cs6)).
inline constexpr double kSinSn3 = -0x1.5555555555515p-3;
inline constexpr double kSinSn5 = 0x1.11110e829872fp-7;
inline constexpr double kSinCs2 = 0x1p-1;
inline constexpr double kSinCs4 = -0x1.5555555555535p-5;
inline constexpr double kSinCs6 = 0x1.6c16bedd9e239p-10;
// The Taylor polynomial below 0.126: sin a = a + a^3 (s1 + a^2 (s2 + ...)).
inline constexpr double kSinS1 = -0x1.5555555555555p-3;
inline constexpr double kSinS2 = 0x1.1111111110ecep-7;
inline constexpr double kSinS3 = -0x1.a01a019db08b8p-13;
inline constexpr double kSinS4 = 0x1.71de27b9a7ed9p-19;
inline constexpr double kSinS5 = -0x1.addffc2fcdf59p-26;
// pi/2 as hp0 + hp1; 2/pi; pi/2 in four parts for the reduction.
inline constexpr double kSinHp0 = 0x1.921fb54442d18p+0;
inline constexpr double kSinHp1 = 0x1.1a62633145c07p-54;
inline constexpr double kSinHpInv = 0x1.45f306dc9c883p-1;
inline constexpr double kSinToInt = 0x1.8p52;
inline constexpr double kSinMp1 = 0x1.921fb58p+0;
inline constexpr double kSinMp2 = -0x1.dde973cp-27;
inline constexpr double kSinPp3 = -0x1.cb3b398p-55;
inline constexpr double kSinPp4 = -0x1.d747f23e32ed7p-83;
// sin X, its rest, cos X, its rest, for X = i/128.
inline constexpr int kSinTableEntries = 110;
inline constexpr std::array<uint64_t, 4 * kSinTableEntries> kSinTable = {
#include "compiler/codegen/GlibcSinTable.inc"
};

// Whether sin takes a fast range: |x| < 105414350.
bool takesSinFastPath(double x);
// sin(x) and cos(x) along the fast ranges (meaningful where
// takesSinFastPath; cos has the same ranges).
double sinFastPath(double x);
double cosFastPath(double x);
// Whether this process's libm sin and cos give sinFastPath's and
// cosFastPath's bits (512 probe inputs across every fast range; ~50 us).
bool libmSinIsFastPath();

} // namespace findc::glibc
