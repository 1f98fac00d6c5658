// FIND's numeric metric (src/evaluate_interpretations/mse_indicator.py's
// list_mse and threshold) in CPython's arithmetic, value for value: what
// FIND's scorer computes for the truth's and the hypothesis's Python values
// at the kept points, or the exception it raises there (docs/score.md).
//
//   mse  = sum(abs(t - h) ** 2 for each point) / len(points)
//   nmse = sum(abs(t - h) ** 2) / sum(abs(t) ** 2)
//
// abs() of a complex is CPython's _Py_c_abs (hypot, OverflowError past the
// largest double), `** 2` is float_pow (glibc's pow(a, 2.0), which is not
// always a * a; OverflowError past 1.3e154), the sums are Python 3.11's
// sum() (left to right, from the int 0), and a zero divisor raises
// ZeroDivisionError. The runtime's Python number ops compute each step, so
// the scorer and compiled hypotheses share one definition of them.
#pragma once

#include "runtime/Value.h"

#include <optional>
#include <span>
#include <string>
#include <variant>

namespace findc::score {

// A Python exception the scorer's own code raised, as FIND's bare `except:`
// swallows it: its class and what raised it.
struct PyException {
  std::string kind;   // "TypeError", "OverflowError", "ZeroDivisionError", ...
  std::string detail; // "abs(t - h) ** 2 at point 3: the hypothesis returned a str"
};

struct FindMse {
  double mse = 0;
  double nmse = 0;
};

// list_mse(truth, hypothesis) over the kept points, in order.
std::variant<FindMse, PyException> findListMse(std::span<const Scalar> truth, std::span<const Scalar> hypothesis);

// Whether FIND keeps a point: `not isnan(abs(t)) and not isinf(abs(t))`;
// abs() of a complex truth can raise OverflowError.
std::variant<bool, PyException> findKeepsPoint(const Scalar& truth);

// FIND's score: 1 if nmse < threshold (NaN compares false), else 0.
inline int findThresholdScore(double nmse, double threshold) { return nmse < threshold ? 1 : 0; }

} // namespace findc::score
