// glibc's exp, as the JIT's vectorized loops compute it in exact mode.
//
// glibc (>= 2.28) computes exp with ARM's optimized-routines algorithm; its
// x86-64 build runs a variant compiled for FMA and AVX2 (__exp_fma) on CPUs
// that have both, and C's and Python's exp call it there. For
// 2^-54 <= |x| < 512 it takes one path without branches:
// x = k ln2/128 + r with k = round(x 128/ln2), exp(x) = 2^(k/128) exp(r),
// 2^(k/128) from a table (scripts/gen_glibc_tables.py), exp(r) - 1 a
// polynomial, every step rounded as __exp_fma rounds it. Codegen's
// glibcCall calls libm's exp with vector variants that take that path for
// every lane (so a loop around exp vectorizes, with libm's bits) and call
// libm for other x; expFastPath is the same path in C++, which
// libmExpIsFastPath compares with this host's libm before codegen relies
// on it.
#pragma once

#include <array>
#include <cstdint>

namespace findc::glibc {

inline constexpr double kExpInvLn2N = 0x1.71547652b82fep7; // 128 / ln 2
inline constexpr double kExpShift = 0x1.8p52;              // rounds to an integer, in the low bits
inline constexpr double kExpNegLn2HiN = -0x1.62e42fefa0000p-8; // -ln 2 / 128, high and low parts
inline constexpr double kExpNegLn2LoN = -0x1.cf79abc9e3b3ap-47;
inline constexpr double kExpC2 = 0x1.ffffffffffdbdp-2; // exp(r) - 1 - r = r^2 (C2 + r C3) + r^4 (C4 + r C5)
inline constexpr double kExpC3 = 0x1.555555555543cp-3;
inline constexpr double kExpC4 = 0x1.55555cf172b91p-5;
inline constexpr double kExpC5 = 0x1.1111167a4d017p-7;
inline constexpr int kExpTableBits = 7;
inline constexpr std::array<uint64_t, 2 << kExpTableBits> kExpTable = {
#include "compiler/codegen/GlibcExpTable.inc"
};

// x's biased exponent minus that of 2^-54 is below this (unsigned) exactly
// where exp takes the fast path: 2^-54 <= |x| < 512.
inline constexpr uint64_t kExpFastTopBase = 0x3c9;
inline constexpr uint64_t kExpFastTopRange = 0x3f;
bool takesExpFastPath(double x);

// exp(x) along the fast path (meaningful where takesExpFastPath).
double expFastPath(double x);

// Whether this process's libm exp gives expFastPath's bits (256 probe
// inputs across the fast path's range; ~10 us). False on other libms, older glibc,
// and CPUs without FMA or AVX2, where glibc runs another variant.
bool libmExpIsFastPath();

} // namespace findc::glibc
