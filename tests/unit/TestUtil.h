// Shared helpers for the unit tests: compiling source text, bitwise
// comparison of doubles, input sets, and JIT construction.
#pragma once

#include "compiler/codegen/Codegen.h"
#include "compiler/driver/Compiler.h"
#include "compiler/interp/Interpreter.h"
#include "compiler/ir/IR.h"
#include "compiler/jit/JIT.h"
#include "compiler/support/Diagnostics.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace findc::test {

// A compilation of source text; owns the SourceFile the diagnostics point at.
struct Compiled {
  std::unique_ptr<SourceFile> file;
  DiagnosticEngine diags;
  std::optional<ir::Module> module;

  // All diagnostics rendered as the CLI prints them.
  std::string diagnosticsText() const;
};

std::unique_ptr<Compiled> compile(const std::string& source, bool optimize = true,
                                  const std::string& path = "test.fnd");

uint64_t bitsOf(double x);
double fromBits(uint64_t bits);
// Bitwise equality, all NaNs equal (Scalar::identical's rule).
bool sameReal(double a, double b);
// Distance in units in the last place between two finite doubles of the
// same sign class (monotone integer mapping); UINT64_MAX if incomparable.
uint64_t ulpDistance(double a, double b);
// %.17g plus the bit pattern, for failure messages.
std::string describe(double x);

// nan, +-inf, +-0, tiny and huge magnitudes, denormals, and values where the
// builtins have edges (+-1, +-0.5, integers and halves).
std::vector<double> specialInputs();
// n evenly spaced points from lo to hi inclusive.
std::vector<double> gridInputs(double lo, double hi, int n);

// Function `f` at x through Interpreter::call with every default passed
// explicitly: the function as compiled, without the unary entry's
// specialization (which inlines and folds with the defaults bound).
double callWithDefaults(const Interpreter& interp, const ir::Module& module, uint32_t f, double x);

// Vector math (libmvec) is within 4 ulp of the true value, glibc's scalar
// libm within 1: each transcendental result may move by this much.
constexpr int kVectorUlps = 5;

// Whether `vector`, the vector-math JIT's result of unary function `f` at
// `x`, is explained by errors of at most kVectorUlps in the transcendental
// operations of the function, given the interpreter's result `exact`: the
// function is re-evaluated with every transcendental result nudged up or
// down by kVectorUlps (several direction patterns) and `vector` must lie in
// the range of those results (4 ulp slack), or equal one of them. Errors in
// `cosh(x) - 1` near 0 or in a polynomial near a root are magnified in the
// result; this accepts exactly that kind of difference.
bool vectorResultAcceptable(const ir::Module& module, uint32_t f, double x, double exact, double vector);

// A JIT in `math` mode; fails the current test (and returns null) on error.
std::unique_ptr<JIT> makeJIT(MathMode math, Tier tier = Tier::Optimized);
// The same JIT holding all of `module`; fails the current test (and returns
// null) if it cannot be added.
std::unique_ptr<JIT> makeJIT(const ir::Module& module, MathMode math, Tier tier = Tier::Optimized);

} // namespace findc::test
