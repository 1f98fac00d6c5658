// Rigorous equivalence of two functions (docs/diff.md): `findc diff A B`.
// Numbers: a dense grid over the domain plus seeded random points and
// boundary points (domain ends and their neighbours, zeros, integers,
// FIND's grid, tiny magnitudes), evaluated in batches; the largest
// absolute and relative errors, the disagreement intervals (runs of
// neighbouring points that differ beyond the tolerance, merged) and the
// worst points. Strings: generated inputs (edge cases, seeded random
// strings, mutations of the edge cases) until enough counterexamples are
// found, each shrunk to a minimal one (no character can be removed or made
// plainer and the functions still differ).
#pragma once

#include "engine/Suite.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace findc::score {

struct DiffOperand {
  std::shared_ptr<const engine::Suite> suite;
  uint32_t fn = 0;
  std::string label; // FILE or FILE:NAME
};

struct DiffOptions {
  double lo = -128, hi = 128; // numeric domain
  size_t points = 1'000'000;
  // Two values agree when |a - b| <= atol + rtol * max(|a|, |b|); NaN
  // agrees with NaN, an infinity with the same infinity, an error with
  // the same error.
  double rtol = 1e-9, atol = 0;
  uint64_t seed = 0;
  bool served = false;          // benches with their noise and corruption (under seed)
  size_t counterexamples = 3;   // strings: how many to find and shrink
  size_t stringInputs = 20000;  // strings: how many generated inputs at most
  // strings: inputs tried first and mutated with the pool (a suite's unit
  // tests, --test-inputs)
  std::vector<std::string> testInputs;
};

// One function's outcome at an input: a number (complex parts in re/im), a
// str, or an error.
struct DiffValue {
  std::string text;  // Python's str() of the value, or the error's name
  bool error = false;
  double re = 0, im = 0;
  bool number = false;
};

struct NumericDiff {
  size_t points = 0, differing = 0;
  double maxAbs = 0, maxRel = 0; // over points where both give finite numbers
  std::optional<double> maxAbsAt, maxRelAt;
  struct Interval {
    double lo = 0, hi = 0;
    size_t points = 0;
    double maxAbs = 0;
  };
  std::vector<Interval> intervals; // in x order
  struct Point {
    double x = 0;
    DiffValue a, b;
    double absError = 0; // inf where one is not a finite number
  };
  std::vector<Point> worst; // at most 5, worst first
};

struct StringDiff {
  size_t inputs = 0, differing = 0;
  struct Counterexample {
    std::string found, minimal;
    DiffValue a, b; // at `minimal`
  };
  std::vector<Counterexample> counterexamples;
};

NumericDiff diffNumbers(const DiffOperand& a, const DiffOperand& b, const DiffOptions& options);
StringDiff diffStrings(const DiffOperand& a, const DiffOperand& b, const DiffOptions& options);

std::string formatNumericDiff(const DiffOperand& a, const DiffOperand& b, const NumericDiff& diff,
                              const DiffOptions& options);
std::string formatStringDiff(const DiffOperand& a, const DiffOperand& b, const StringDiff& diff);
std::string numericDiffJson(const DiffOperand& a, const DiffOperand& b, const NumericDiff& diff,
                            const DiffOptions& options);
std::string stringDiffJson(const DiffOperand& a, const DiffOperand& b, const StringDiff& diff);

} // namespace findc::score
