// IR-to-IR passes. Both engines run the same optimized IR, so they agree
// bit for bit whichever passes ran. Every pass but one keeps results bit for
// bit; the pow canonicalizations follow NumPy (x*x, 1/x, sqrt), which differ
// from glibc's pow in the last bit on rare inputs.
//
// Functions that use a context (blocks, strings, operations that can fail)
// are left as they are: LLVM optimizes their compiled form, and dropping or
// merging a failing operation would change which error a call reports.
#pragma once

#include "compiler/ir/IR.h"

namespace findc::ir {

// Evaluates operations whose operands are constants and canonicalizes
// `pow` with a constant exponent the way NumPy's fast paths and LLVM's
// library-call simplifier do (x**2 -> x*x, x**0.5 -> sqrt, x**-1 -> 1/x), so
// both engines compute the same thing. (Codegen keeps LLVM from rewriting
// pow with a constant base, which would cost accuracy.) Returns whether it
// changed anything.
bool foldConstants(Function& fn);
// Reuses the first of several identical computations.
bool eliminateCommonSubexpressions(Function& fn);
// Drops instructions the result does not depend on.
bool eliminateDeadCode(Function& fn);
// Replaces calls of functions with at most `maxCalleeSize` instructions by
// their bodies.
bool inlineCalls(Module& module, size_t maxCalleeSize);

// Fast math only (MathMode::Fast): rewrites each sum of terms c*x**k of one
// value x (c constant, k <= 16) into Horner's form, ((cn*x + ...)*x + c1)*x
// + c0: n multiplications and n additions, which LLVM then fuses into n
// fma. Terms that are not such monomials are added after it. The sum is
// reassociated, so its value changes in the last bits (more where the sum
// cancels): the exact and vector engines never run this pass. Returns
// whether it changed anything.
bool evaluatePolynomialsInHornerForm(Function& fn);

// The one-number entry point of function `index` (which must have a unary
// entry): x binds the first parameter, the others their constant defaults,
// every call is inlined and the result simplified. Both engines evaluate this
// form, so constants that reach an operation through a default fold the same
// way in our folder as in LLVM's (pow(4, x) -> exp2(2 * x), for instance).
Function specializeUnaryEntry(const Module& module, uint32_t index);

struct OptimizeOptions {
  size_t inlineThreshold = 64;
};
// The standard pipeline: inline, fold, CSE, DCE.
void optimize(Module& module, const OptimizeOptions& options = {});

} // namespace findc::ir
