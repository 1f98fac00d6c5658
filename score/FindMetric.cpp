#include "score/FindMetric.h"

#include "runtime/PyNumbers.h"
#include "runtime/Strings.h"

#include <fmt/core.h>

#include <cmath>

namespace findc::score {
namespace {

using Int = __int128;

// Below this a double holds an int exactly.
constexpr Int kExactIntLimit = Int{1} << 53;
// Ints whose squares and their sums fit findc's 128 bits (Python's grow).
constexpr Int kSquareLimit = Int{1} << 58;

// A real number as Python holds it in list_mse: an int (both sides ints) or
// a float.
struct PyReal {
  bool isInt = false;
  Int i = 0;
  double f = 0;
  double asDouble() const { return isInt ? static_cast<double>(i) : f; }
};

// A scorer step's operands, as the runtime's Python number ops take them.
struct Steps {
  rt::Arena arena;
  rt::Context ctx{.arena = &arena};
  std::optional<PyException> raised;

  // The error the runtime op just recorded, if any, as `detail`'s exception.
  bool failed(std::string detail) {
    if (ctx.error == 0)
      return false;
    raised = PyException{std::string(rt::errorName(ctx.errorKind())), std::move(detail)};
    return true;
  }
  bool raise(std::string kind, std::string detail) {
    raised = PyException{std::move(kind), std::move(detail)};
    return true;
  }
};

bool isIntLike(const Scalar& v) { return v.type == Type::Int || v.type == Type::Bool; }
Int intOf(const Scalar& v) { return v.type == Type::Bool ? Int{v.b} : Int{v.i}; }

// A Python float or complex (a float-holding complex stays a float).
std::optional<rt::Complex> asNumber(const Scalar& v) {
  switch (v.type) {
  case Type::Bool:
  case Type::Int: return rt::Complex{static_cast<double>(intOf(v)), 0.0, false};
  case Type::Real: return rt::Complex{v.r, 0.0, false};
  case Type::Complex: return *v.c;
  default: return std::nullopt;
  }
}

std::string_view pythonTypeName(const Scalar& v) {
  if (isList(v.type))
    return "list";
  if (isMap(v.type))
    return "dict";
  switch (v.type) {
  case Type::Str: return "str";
  default: return "an unsupported value";
  }
}

// abs(v) ** 2, or nullopt with steps.raised.
std::optional<PyReal> squaredAbs(Steps& steps, const rt::Complex& v, const std::string& where) {
  double magnitude = findc_rt_complex_abs(&steps.ctx, &v);
  if (steps.failed("abs() " + where))
    return std::nullopt;
  double square = findc_rt_real_py_powi(&steps.ctx, magnitude, 2);
  if (steps.failed("** 2 " + where))
    return std::nullopt;
  return PyReal{.f = square};
}

std::optional<PyReal> squaredIntAbs(Steps& steps, Int v, const std::string& where) {
  Int magnitude = v < 0 ? -v : v;
  if (magnitude >= kSquareLimit) {
    steps.raise("NotEmulated", "an int past 2**58 " + where + " (Python's big ints are not emulated)");
    return std::nullopt;
  }
  return PyReal{.isInt = true, .i = magnitude * magnitude};
}

// abs(t - h) ** 2.
std::optional<PyReal> squaredDistance(Steps& steps, const Scalar& t, const Scalar& h, size_t point) {
  std::string where = fmt::format("at kept point {}", point);
  if (isIntLike(t) && isIntLike(h))
    return squaredIntAbs(steps, intOf(t) - intOf(h), where);
  std::optional<rt::Complex> a = asNumber(t), b = asNumber(h);
  if (!b) {
    steps.raise("TypeError", fmt::format("t - h {}: the hypothesis returned a {}", where, pythonTypeName(h)));
    return std::nullopt;
  }
  const rt::Complex* difference = findc_rt_complex_sub(&steps.ctx, &*a, &*b);
  if (steps.failed("t - h " + where))
    return std::nullopt;
  return squaredAbs(steps, *difference, where);
}

// Python 3.11's sum() of a list of ints and floats: from the int 0, ints
// added exactly until the first float, then doubles left to right.
struct PySum {
  PyReal total{.isInt = true};
  bool overflowed = false; // past findc's 128 bits, where Python's int grows
  void add(const PyReal& item) {
    if (total.isInt && item.isInt)
      overflowed |= __builtin_add_overflow(total.i, item.i, &total.i);
    else
      total = PyReal{.f = total.asDouble() + item.asDouble()};
  }
};

int bitLength(Int v) {
  int n = 0;
  for (; v > 0; v >>= 1)
    ++n;
  return n;
}

// a / b for ints a >= 0, b > 0, correctly rounded as Python's int true
// division: a quotient of 55 to 56 bits with a sticky bit for the
// remainder, which the conversion to double rounds once, then scaled.
std::optional<double> intQuotient(Int a, Int b) {
  if (a < kExactIntLimit && b < kExactIntLimit)
    return static_cast<double>(a) / static_cast<double>(b); // both exact: IEEE rounds the quotient once
  int shift = 55 - (bitLength(a) - bitLength(b));
  Int q, r;
  if (shift >= 0) {
    if (bitLength(a) + shift > 126)
      return std::nullopt;
    q = (a << shift) / b;
    r = (a << shift) % b;
  } else {
    if (bitLength(b) - shift > 126)
      return std::nullopt;
    q = a / (b << -shift);
    r = a % (b << -shift);
  }
  return std::ldexp(static_cast<double>(q | (r != 0 ? 1 : 0)), -shift);
}

// a / b as Python's true division of two ints or floats.
std::optional<double> divide(Steps& steps, const PyReal& a, const PyReal& b, const char* what) {
  if (a.isInt && b.isInt && b.i != 0) {
    std::optional<double> q = intQuotient(a.i, b.i);
    if (!q)
      steps.raise("NotEmulated", std::string(what) + ": a quotient of ints past 2**126");
    return q;
  }
  double quotient = findc_rt_real_py_div(&steps.ctx, a.asDouble(), b.asDouble());
  if (steps.failed(what))
    return std::nullopt;
  return quotient;
}

} // namespace

std::variant<FindMse, PyException> findListMse(std::span<const Scalar> truth, std::span<const Scalar> hypothesis) {
  Steps steps;
  PySum errors, norms;
  for (size_t k = 0; k < truth.size(); ++k) {
    std::optional<PyReal> error = squaredDistance(steps, truth[k], hypothesis[k], k);
    if (!error)
      return *steps.raised;
    errors.add(*error);
    std::optional<PyReal> norm = isIntLike(truth[k])
                                     ? squaredIntAbs(steps, intOf(truth[k]), fmt::format("at kept point {}", k))
                                     : squaredAbs(steps, *asNumber(truth[k]), fmt::format("of t at kept point {}", k));
    if (!norm)
      return *steps.raised;
    norms.add(*norm);
  }
  if (errors.overflowed || norms.overflowed)
    return PyException{"NotEmulated", "a sum of int squares past 2**127 (Python's big ints are not emulated)"};
  PyReal count{.isInt = true, .i = static_cast<Int>(truth.size())};
  std::optional<double> mse = divide(steps, errors.total, count, "sum(mse) / len(mse)");
  if (!mse)
    return *steps.raised;
  std::optional<double> nmse = divide(steps, errors.total, norms.total, "sum(mse) / sum(normalization)");
  if (!nmse)
    return *steps.raised;
  return FindMse{*mse, *nmse};
}

std::variant<bool, PyException> findKeepsPoint(const Scalar& truth) {
  if (isIntLike(truth))
    return true;
  Steps steps;
  std::optional<rt::Complex> value = asNumber(truth);
  if (!value)
    return PyException{"TypeError", fmt::format("abs() of the truth's {}", pythonTypeName(truth))};
  double magnitude = findc_rt_complex_abs(&steps.ctx, &*value);
  if (steps.failed("abs() of the truth"))
    return *steps.raised;
  return std::isfinite(magnitude);
}

} // namespace findc::score
