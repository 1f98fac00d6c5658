// findc's public API: how a suite is compiled and run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace findc {

// Which engine evaluates a suite: native code from LLVM's ORC JIT, or the
// reference interpreter (the same IR, instruction by instruction; it agrees
// with the JIT bit for bit in exact math).
enum class Engine : uint8_t { Jit, Interpreter };

// Exact: every math call gives glibc's scalar libm's bits, bit-identical to
// the interpreter (vector loops compute exp, sin, cos and small powers as
// glibc does). Vector: batch loops call libmvec's SIMD variants and pow with
// a small integer exponent (|n| <= 8) becomes multiplications (a few ulp
// apart from libm, several times faster); arithmetic stays in the source's
// order. Fast: vector, plus what C's -ffast-math allows short of assuming
// finite values (-fno-finite-math-only): sums are reassociated (a
// polynomial c0 + c1*x + ... + cn*x**n becomes Horner's form), a*b + c is
// fused, x/y may become x*(1/y). Results then differ in the last bits, and
// by more where a sum cancels; NaN and infinity still propagate, and every
// check (division by zero, a domain) still runs. Only the JIT and artifacts
// have the vector and fast modes (docs/language.md, "Math modes").
enum class MathMode : uint8_t { Exact, Vector, Fast };

// Each math mode once: its name (the CLI's --math, the Python module's
// math=, an artifact's header; the C ABI's FINDC_MATH_* are the enum's
// values) and what it lets codegen do.
struct MathModeTraits {
  MathMode mode;
  std::string_view name;
  bool libmvec;      // batch loops call libmvec, small powers are multiplications
  bool reassociates; // reassociation, contraction, reciprocals (Horner's form)
};
inline constexpr MathModeTraits kMathModes[] = {
    {MathMode::Exact, "exact", false, false},
    {MathMode::Vector, "vector", true, false},
    {MathMode::Fast, "fast", true, true},
};
static_assert([] {
  for (size_t i = 0; i < std::size(kMathModes); ++i)
    if (static_cast<size_t>(kMathModes[i].mode) != i)
      return false;
  return true;
}(), "kMathModes is in the enum's order");
constexpr const MathModeTraits& traitsOf(MathMode mode) { return kMathModes[static_cast<size_t>(mode)]; }
inline std::optional<MathMode> parseMathMode(std::string_view name) {
  for (const MathModeTraits& traits : kMathModes)
    if (traits.name == name)
      return traits.mode;
  return std::nullopt;
}
// "exact, vector or fast", each name between `quote`s: for messages.
inline std::string mathModeChoices(std::string_view quote = "") {
  std::string choices;
  for (size_t i = 0; i < std::size(kMathModes); ++i) {
    choices += i == 0 ? "" : i + 1 == std::size(kMathModes) ? " or " : ", ";
    choices += std::string(quote) + std::string(kMathModes[i].name) + std::string(quote);
  }
  return choices;
}

// The language of a source. Auto: a file (or the name given with a source
// text) ending in `.py` is a Python hypothesis, anything else findc's own.
enum class Language : uint8_t { Auto, Fnd, Python };

// How a source is read. For a Python hypothesis (docs/python-frontend.md):
// what its function receives, a Python float (numeric functions) or a str
// (string functions), and which function it is (empty: FIND's rule, the
// name after the last "def " in the text).
struct SourceOptions {
  Language language = Language::Auto;
  enum class Input : uint8_t { Real, Str } input = Input::Real;
  std::string entry = {};
};

struct LoadOptions {
  Engine engine = Engine::Jit;
  MathMode math = MathMode::Exact;
  SourceOptions source = {};
  // The threads one batch evaluation may use: 0 for one per core, 1 for
  // the calling thread only. The calling thread starts the others once
  // its first blocks of points predict 0.4 ms more work (docs/api.md,
  // "Threads"); the values are the same bits whatever the number.
  unsigned threads = 0;
};

// A benchmark function's random effects (noise, corruption) for a run of
// queries. Query q of function f under seed s always draws the same numbers;
// the inputs of one call are queries firstQuery, firstQuery + 1, ...
// `apply = false` evaluates the clean function (`findc eval --clean`).
// Functions that are not benchmarks ignore it.
struct Effects {
  bool apply = true;
  uint64_t seed = 0;
  uint64_t firstQuery = 0;
};

} // namespace findc
