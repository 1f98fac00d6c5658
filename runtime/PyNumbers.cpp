#include "runtime/PyNumbers.h"

#include "runtime/Bench.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <limits>
#include <cstring>

namespace findc::rt {
namespace {

constexpr Complex asFloat(double value) { return {value, 0.0, false}; }

// CPython's DOUBLE_IS_ODD_INTEGER.
bool isOddInteger(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

const Complex* store(Context* ctx, Complex value) { return makeComplex(arenaOf(ctx), value); }

// Python 3.11 converts a float operand of a complex operation to
// complex(x, 0.0) first (3.14 stopped doing so; we follow 3.11, Debian 12's).
Complex promoted(const Complex& a) { return a.isComplex ? a : Complex{a.re, 0.0, true}; }

// _Py_c_pow for a non-zero real base and a real exponent (its only use:
// a negative float to a fractional power).
Complex complexPow(double base, double exponent) {
  double length = std::pow(std::hypot(base, 0.0), exponent);
  double phase = std::atan2(0.0, base) * exponent;
  return {length * std::cos(phase), length * std::sin(phase), true};
}

// Python's float repr without the ".0" it adds to integral values: how
// complex repr writes each part ('r' format without Py_DTSF_ADD_DOT_0).
std::string complexPart(double x, bool withSign) {
  std::string text = formatPython(Scalar::ofReal(x));
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
    text.resize(text.size() - 2);
  if (std::isnan(x))
    text = "nan"; // repr drops a NaN's sign
  if (withSign && text.front() != '-')
    text.insert(text.begin(), '+');
  return text;
}

// Python's binary arithmetic on two values of type complex: two floats give
// a float (`onFloats`), otherwise both are complex (`onComplex`).
template <class OnFloats, class OnComplex>
const Complex* arithmetic(Context* ctx, const Complex* a, const Complex* b, OnFloats onFloats, OnComplex onComplex) {
  if (!a->isComplex && !b->isComplex)
    return store(ctx, asFloat(onFloats(a->re, b->re)));
  return store(ctx, onComplex(promoted(*a), promoted(*b)));
}

// _Py_c_quot; a zero divisor records ZeroDivisionError ("complex division
// by zero") and gives the float 0.0.
Complex quotient(Context* ctx, Complex x, Complex y) {
  double absRe = y.re < 0 ? -y.re : y.re;
  double absIm = y.im < 0 ? -y.im : y.im;
  if (absRe >= absIm) {
    if (absRe == 0.0) {
      ctx->fail(ErrorKind::ZeroDivisionError);
      return asFloat(0.0);
    }
    double ratio = y.im / y.re;
    double denom = y.re + y.im * ratio;
    return {(x.re + x.im * ratio) / denom, (x.im - x.re * ratio) / denom, true};
  }
  if (absIm >= absRe) {
    double ratio = y.re / y.im;
    double denom = y.re * ratio + y.im;
    return {(x.re * ratio + x.im) / denom, (x.im * ratio - x.re) / denom, true};
  }
  return {std::nan(""), std::nan(""), true}; // a NaN part
}

} // namespace

std::string formatComplex(const Complex& value) {
  if (!value.isComplex)
    return formatPython(Scalar::ofReal(value.re));
  // complex_repr: a real part of +0.0 is left out, with the parentheses.
  if (value.re == 0.0 && !std::signbit(value.re))
    return complexPart(value.im, false) + "j";
  return "(" + complexPart(value.re, false) + complexPart(value.im, true) + "j)";
}

bool identicalComplex(const Complex& a, const Complex& b) {
  auto same = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || std::memcmp(&x, &y, sizeof x) == 0; };
  return a.isComplex == b.isComplex && same(a.re, b.re) && same(a.im, b.im);
}

const Complex* makeComplex(Arena& arena, Complex value) {
  auto* slot = static_cast<Complex*>(arena.allocate(sizeof(Complex), alignof(Complex)));
  *slot = value;
  return slot;
}

std::optional<uint32_t> pythonExceptionKinds(std::string_view className) {
  auto bit = [](ErrorKind kind) { return uint32_t{1} << static_cast<uint32_t>(kind); };
  const uint32_t everyPythonKind = bit(ErrorKind::IndexError) | bit(ErrorKind::KeyError) | bit(ErrorKind::ValueError) |
                                   bit(ErrorKind::TypeError) | bit(ErrorKind::ZeroDivisionError) |
                                   bit(ErrorKind::OverflowError) | bit(ErrorKind::RecursionError);
  struct Class {
    std::string_view name;
    uint32_t kinds;
  };
  // The classes above findc's kinds, then classes that catch none of them
  // (an `except AttributeError:` agents write is valid Python that catches nothing here).
  static constexpr std::string_view kCatchNothing[] = {
      "AssertionError", "AttributeError", "FloatingPointError", "NameError",
      "NotImplementedError", "StopIteration", "UnboundLocalError",
      "UnicodeError", "OSError", "ImportError", "MemoryError"};
  const Class classes[] = {
      {"BaseException", everyPythonKind},
      {"Exception", everyPythonKind},
      {"ArithmeticError", bit(ErrorKind::ZeroDivisionError) | bit(ErrorKind::OverflowError)},
      {"LookupError", bit(ErrorKind::IndexError) | bit(ErrorKind::KeyError)},
      {"IndexError", bit(ErrorKind::IndexError)},
      {"KeyError", bit(ErrorKind::KeyError)},
      {"ValueError", bit(ErrorKind::ValueError)},
      {"TypeError", bit(ErrorKind::TypeError)},
      {"ZeroDivisionError", bit(ErrorKind::ZeroDivisionError)},
      {"OverflowError", bit(ErrorKind::OverflowError)},
      {"RuntimeError", bit(ErrorKind::RecursionError)},
      {"RecursionError", bit(ErrorKind::RecursionError)},
  };
  for (const Class& c : classes)
    if (c.name == className)
      return c.kinds;
  for (std::string_view name : kCatchNothing)
    if (name == className)
      return 0;
  return std::nullopt;
}

namespace {

// A running sum of squares kept exactly as far as it matters: `total`
// (started at 1.0, so every term is smaller than it and each addition's
// rounding error is exactly (old - total) + x, Dekker's fast two-sum) and
// separate accumulators of those errors.
struct CompensatedSum {
  double total = 1.0;
  void add(double x, double& error) {
    double old = total;
    total += x;
    error += (old - total) + x;
  }
};

// x = hi + lo exactly, each half with at most 26 significant bits, so
// hi * hi, hi * lo and lo * lo are exact (Veltkamp's split, 2^27 + 1).
struct Halves {
  double hi, lo;
};
Halves splitHalves(double x) {
  double t = x * 134217729.0;
  double hi = t - (t - x);
  return {hi, x - hi};
}

// The Philox counter of the evaluation's next draw (DrawStream::Hypothesis).
PhiloxCounter nextDraw(Context* ctx) {
  return {static_cast<uint32_t>(ctx->query), static_cast<uint32_t>(ctx->query >> 32),
          static_cast<uint32_t>(DrawStream::Hypothesis), ctx->draws++};
}

} // namespace

bool drawsRandom(StrOp op) {
  return op == StrOp::PyRandom || op == StrOp::PyUniform || op == StrOp::PyGauss || op == StrOp::PyNpNormal ||
         op == StrOp::PyRandInt;
}

// CPython 3.11's vector_norm: the coordinates scaled by a power of two
// (exact) so the largest is in [0.5, 1), their squares summed nearly
// exactly, the square root taken, and one Newton step on the residual
// (computed exactly the same way) corrects it. Coordinates whose largest is
// below 2^-1023, where the scale would overflow, are divided by the largest
// instead, with a plainer sum.
double pythonHypot(std::span<const double> coordinates) {
  constexpr size_t kMaxCoordinates = 4;
  std::array<double, kMaxCoordinates> magnitudes{};
  size_t n = std::min(coordinates.size(), kMaxCoordinates);
  double max = 0.0;
  bool anyNan = false;
  for (size_t i = 0; i < n; ++i) {
    magnitudes[i] = std::fabs(coordinates[i]);
    anyNan |= std::isnan(magnitudes[i]);
    max = std::max(max, magnitudes[i]);
  }
  if (std::isinf(max)) // an infinity wins over a nan
    return max;
  if (anyNan)
    return std::numeric_limits<double>::quiet_NaN();
  if (max == 0.0 || n <= 1)
    return max;
  int exponent = 0;
  std::frexp(max, &exponent);
  CompensatedSum sum;
  if (exponent < -1023) {
    double error = 0.0;
    for (size_t i = 0; i < n; ++i) {
      double x = magnitudes[i] / max;
      sum.add(x * x, error);
    }
    return max * std::sqrt(sum.total - 1.0 + error);
  }
  double scale = std::ldexp(1.0, -exponent);
  double highError = 0.0, crossError = 0.0, lowSum = 0.0;
  for (size_t i = 0; i < n; ++i) {
    Halves x = splitHalves(magnitudes[i] * scale);
    sum.add(x.hi * x.hi, highError);
    sum.add(2.0 * x.hi * x.lo, crossError);
    lowSum += x.lo * x.lo; // below the sum's last bit: kept apart
  }
  double h = std::sqrt(sum.total - 1.0 + (highError + crossError + lowSum));
  // The residual sum - h^2, with h^2 split the same way.
  Halves r = splitHalves(h);
  sum.add(-r.hi * r.hi, highError);
  sum.add(-2.0 * r.hi * r.lo, crossError);
  sum.add(-r.lo * r.lo, lowSum);
  double residual = sum.total - 1.0 + (highError + crossError + lowSum);
  return (h + residual / (2.0 * h)) / scale;
}

// 10^k for k <= 22: the powers of ten that are doubles.
constexpr std::array<double, 23> kPowersOfTen = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

double roundDigitsByDecimal(double x, int64_t digits) {
  // CPython's bounds: past them the result is x, or a zero of x's sign.
  constexpr int64_t kMostDigits = 323, kFewestDigits = -308;
  if (!std::isfinite(x) || x == 0.0 || digits > kMostDigits)
    return x;
  if (digits < kFewestDigits)
    return std::copysign(0.0, x);
  // The exact decimal expansion (a double has at most 1074 fraction digits),
  // rounded half to even at the digit wanted, read back correctly rounded.
  std::array<char, 1500> text;
  int size = std::snprintf(text.data(), text.size(), "%.1080f", std::fabs(x));
  std::string_view all(text.data(), static_cast<size_t>(size));
  size_t point = all.find('.');
  std::string kept(all.substr(0, point));
  std::string_view fraction = all.substr(point + 1);
  int64_t keep = static_cast<int64_t>(kept.size()) + digits; // digits of the expansion kept
  std::string rest;                                          // the digits rounded away
  if (digits >= 0) {
    kept += fraction.substr(0, static_cast<size_t>(digits));
    rest = fraction.substr(static_cast<size_t>(digits));
  } else if (keep > 0) {
    rest = kept.substr(static_cast<size_t>(keep)) + std::string(fraction);
    kept.resize(static_cast<size_t>(keep));
  } else {
    rest = std::string(static_cast<size_t>(-keep), '0') + kept + std::string(fraction);
    kept = "0";
  }
  bool above = !rest.empty() && rest[0] > '5';
  bool half = !rest.empty() && rest[0] == '5';
  if (half && rest.find_first_not_of('0', 1) != std::string::npos)
    above = true, half = false;
  bool odd = (kept.back() - '0') % 2 == 1;
  if (above || (half && odd)) {
    size_t i = kept.size();
    while (i > 0 && kept[i - 1] == '9')
      kept[--i] = '0';
    if (i == 0)
      kept.insert(kept.begin(), '1');
    else
      ++kept[i - 1];
  }
  std::string decimal = kept + "e" + std::to_string(-digits);
  return std::copysign(std::strtod(decimal.c_str(), nullptr), x);
}

double roundDigits(double x, int64_t digits) {
  // |x| * 10^digits as hi plus a residual whose sign is all that matters,
  // both exact: 10^k is a double for k <= 22, fma gives the product's
  // residual and the quotient's remainder exactly (no underflow above
  // 2^-900). The nearest integer r to the exact value, ties to even, then
  // r / 10^digits or r * 10^-digits: one rounding of exact operands, as
  // strtod reads r's digits back. Elsewhere (|digits| > 22, hi >= 2^52,
  // tiny or non-finite x), the decimal expansion.
  constexpr int64_t kExactPowers = 22;
  double ax = std::fabs(x);
  if (digits < -kExactPowers || digits > kExactPowers || !(ax >= 0x1p-900) || !std::isfinite(ax))
    return roundDigitsByDecimal(x, digits);
  double p = kPowersOfTen[static_cast<size_t>(digits < 0 ? -digits : digits)];
  double hi = digits >= 0 ? ax * p : ax / p;
  double residual = digits >= 0 ? std::fma(ax, p, -hi) : std::fma(-hi, p, ax);
  if (!(hi < 0x1p52))
    return roundDigitsByDecimal(x, digits);
  double r = std::nearbyint(hi); // ties to even
  double fraction = hi - r;      // exact; +-0.5 only at a tie of hi alone
  if (fraction == 0.5 && residual > 0.0)
    r += 1.0;
  else if (fraction == -0.5 && residual < 0.0)
    r -= 1.0;
  return std::copysign(digits >= 0 ? r / p : r * p, x);
}

} // namespace findc::rt

using findc::rt::Complex;
using findc::rt::Context;
using findc::rt::ErrorKind;
using namespace findc::rt;

extern "C" {

// float_div: "float division by zero".
double findc_rt_real_py_div(Context* ctx, double a, double b) {
  if (b == 0.0) {
    ctx->fail(ErrorKind::ZeroDivisionError);
    return 0.0;
  }
  return a / b;
}

// float_pow of CPython 3.11, case by case; `complexResult` receives the
// complex value a negative base to a fractional power gives.
static double floatPow(Context* ctx, double iv, double iw, Complex* complexResult) {
  if (iw == 0.0)
    return 1.0; // even 0**0 and nan**0
  if (std::isnan(iv))
    return iv;
  if (std::isnan(iw))
    return iv == 1.0 ? 1.0 : iw;
  if (std::isinf(iw)) {
    double magnitude = std::fabs(iv);
    if (magnitude == 1.0)
      return 1.0;
    return (iw > 0.0) == (magnitude > 1.0) ? std::fabs(iw) : 0.0;
  }
  if (std::isinf(iv)) {
    bool odd = isOddInteger(iw);
    if (iw > 0.0)
      return odd ? iv : std::fabs(iv);
    return odd ? std::copysign(0.0, iv) : 0.0;
  }
  if (iv == 0.0) {
    if (iw < 0.0) { // "0.0 cannot be raised to a negative power"
      ctx->fail(ErrorKind::ZeroDivisionError);
      return 0.0;
    }
    return isOddInteger(iw) ? iv : 0.0;
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw)) {
      // Negative numbers raised to fractional powers become complex
      // (complex_pow: the exponent is not a small integer, so _Py_c_pow).
      Complex c = complexPow(iv, iw);
      if (std::isinf(c.re) || std::isinf(c.im)) { // "complex exponentiation"
        ctx->fail(ErrorKind::OverflowError);
        return 0.0;
      }
      if (complexResult)
        *complexResult = c;
      return 0.0;
    }
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv == 1.0)
    return negate ? -1.0 : 1.0;
  double ix = std::pow(iv, iw);
  // Finite operands here: an infinite result is ERANGE, which CPython
  // raises; an underflow to zero or a subnormal is not an error.
  if (std::isinf(ix)) { // "(34, 'Numerical result out of range')"
    ctx->fail(ErrorKind::OverflowError);
    return 0.0;
  }
  return negate ? -ix : ix;
}

double findc_rt_real_py_powi(Context* ctx, double base, int64_t exponent) {
  return floatPow(ctx, base, static_cast<double>(exponent), nullptr);
}

const Complex* findc_rt_real_py_pow(Context* ctx, double base, double exponent) {
  Complex result = asFloat(0.0);
  double value = floatPow(ctx, base, exponent, &result);
  if (!result.isComplex)
    result.re = value;
  return store(ctx, result);
}

// float_rem: "float modulo"; the remainder takes the divisor's sign.
double findc_rt_real_py_mod(Context* ctx, double a, double b) {
  if (b == 0.0) {
    ctx->fail(ErrorKind::ZeroDivisionError);
    return 0.0;
  }
  double mod = std::fmod(a, b);
  if (mod != 0.0)
    return (b < 0) != (mod < 0) ? mod + b : mod;
  return std::copysign(0.0, b); // fmod's zero sign varies across platforms
}

// float_floor_div through _float_div_mod: "float floor division by zero".
double findc_rt_real_py_floordiv(Context* ctx, double a, double b) {
  if (b == 0.0) {
    ctx->fail(ErrorKind::ZeroDivisionError);
    return 0.0;
  }
  double mod = std::fmod(a, b);
  double div = (a - mod) / b;
  if (mod != 0.0 && (b < 0) != (mod < 0))
    div -= 1.0;
  if (div == 0.0)
    return std::copysign(0.0, a / b);
  double floored = std::floor(div);
  return div - floored > 0.5 ? floored + 1.0 : floored;
}

// Python's int % and //, rounding towards minus infinity, on int64: the one
// quotient past int64 (INT64_MIN // -1) is an OverflowError, where Python's
// unbounded int would go on.
int64_t findc_rt_int_py_mod(Context* ctx, int64_t a, int64_t b) {
  if (b == 0) {
    ctx->fail(ErrorKind::ZeroDivisionError);
    return 0;
  }
  if (b == -1)
    return 0;
  int64_t mod = a % b;
  return mod != 0 && (mod < 0) != (b < 0) ? mod + b : mod;
}

int64_t findc_rt_int_py_floordiv(Context* ctx, int64_t a, int64_t b) {
  if (b == 0) {
    ctx->fail(ErrorKind::ZeroDivisionError);
    return 0;
  }
  if (b == -1) {
    if (a == std::numeric_limits<int64_t>::min()) {
      ctx->fail(ErrorKind::OverflowError);
      return 0;
    }
    return -a;
  }
  int64_t quotient = a / b;
  return a % b != 0 && (a < 0) != (b < 0) ? quotient - 1 : quotient;
}

// int(x) of a float: truncation; "cannot convert float NaN to integer"
// (ValueError), infinity (OverflowError), and past int64 OverflowError where
// Python would make a big int.
int64_t findc_rt_real_py_int(Context* ctx, double x) {
  if (std::isnan(x)) {
    ctx->fail(ErrorKind::ValueError);
    return 0;
  }
  double t = std::trunc(x);
  if (!(t >= -0x1p63 && t < 0x1p63)) {
    ctx->fail(ErrorKind::OverflowError);
    return 0;
  }
  return static_cast<int64_t>(t);
}

// math_1's checks on f's result: a nan from a number is a domain error, an
// infinity from a finite number a range error (overflow) or, for functions
// that cannot overflow (log(0.0)), a domain error.
static double mathResult(Context* ctx, double result, double x, ErrorKind infinite) {
  if (std::isnan(result) && !std::isnan(x)) {
    ctx->fail(ErrorKind::ValueError);
    return 0.0;
  }
  if (std::isinf(result) && std::isfinite(x)) {
    ctx->fail(infinite);
    return 0.0;
  }
  return result;
}

double findc_rt_real_py_math(Context* ctx, double result, double x) {
  return mathResult(ctx, result, x, ErrorKind::ValueError);
}

double findc_rt_real_py_math_overflow(Context* ctx, double result, double x) {
  return mathResult(ctx, result, x, ErrorKind::OverflowError);
}

// r, or OverflowError (and 0) where the int64 operation wrapped.
static int64_t checkedInt(Context* ctx, bool wrapped, int64_t r) {
  if (!wrapped)
    return r;
  ctx->fail(ErrorKind::OverflowError);
  return 0;
}

int64_t findc_rt_int_py_add(Context* ctx, int64_t a, int64_t b) {
  int64_t r = 0;
  bool wrapped = __builtin_add_overflow(a, b, &r);
  return checkedInt(ctx, wrapped, r);
}

int64_t findc_rt_int_py_sub(Context* ctx, int64_t a, int64_t b) {
  int64_t r = 0;
  bool wrapped = __builtin_sub_overflow(a, b, &r);
  return checkedInt(ctx, wrapped, r);
}

int64_t findc_rt_int_py_mul(Context* ctx, int64_t a, int64_t b) {
  int64_t r = 0;
  bool wrapped = __builtin_mul_overflow(a, b, &r);
  return checkedInt(ctx, wrapped, r);
}

int64_t findc_rt_int_py_pow(Context* ctx, int64_t base, int64_t exponent) {
  if (exponent < 0) {
    ctx->fail(ErrorKind::ValueError);
    return 0;
  }
  int64_t result = 1;
  while (exponent > 0) { // square and multiply; only products that are used must fit
    if ((exponent & 1) && __builtin_mul_overflow(result, base, &result)) {
      ctx->fail(ErrorKind::OverflowError);
      return 0;
    }
    exponent >>= 1;
    if (exponent > 0 && __builtin_mul_overflow(base, base, &base)) {
      ctx->fail(ErrorKind::OverflowError);
      return 0;
    }
  }
  return result;
}

double findc_rt_real_py_round(Context* ctx, double x, int64_t digits) {
  double rounded = roundDigits(x, digits);
  if (std::isinf(rounded) && std::isfinite(x)) {
    ctx->fail(ErrorKind::OverflowError);
    return 0.0;
  }
  return rounded;
}

double findc_rt_real_py_math_pow(Context* ctx, double x, double y) {
  double r = std::pow(x, y);
  if (std::isfinite(x) && std::isfinite(y) && !std::isfinite(r)) {
    // nan: a negative x to a fractional y; inf: 0 to a negative y, or overflow
    ctx->fail(std::isnan(r) || x == 0.0 ? ErrorKind::ValueError : ErrorKind::OverflowError);
    return 0.0;
  }
  return r;
}

double findc_rt_real_py_hypot(Context*, double x, double y) {
  const double coordinates[] = {x, y};
  return pythonHypot(coordinates);
}

double findc_rt_real_py_hypot3(Context*, double x, double y, double z) {
  const double coordinates[] = {x, y, z};
  return pythonHypot(coordinates);
}

double findc_rt_py_random(Context* ctx) { return uniformPair(nextDraw(ctx), ctx->drawKey).first; }

double findc_rt_py_uniform(Context* ctx, double a, double b) { return a + (b - a) * findc_rt_py_random(ctx); }

double findc_rt_py_gauss(Context* ctx, double mu, double sigma) {
  return mu + sigma * standardNormal(nextDraw(ctx), ctx->drawKey);
}

double findc_rt_py_np_normal(Context* ctx, double loc, double scale) {
  if (scale < 0) { // NumPy: "scale < 0"
    ctx->fail(ErrorKind::ValueError);
    return 0.0;
  }
  return findc_rt_py_gauss(ctx, loc, scale);
}

// Uniform in [a, b] without modulo bias: 64 random bits, redrawn while they
// fall in the incomplete last copy of the range (less than half the time).
int64_t findc_rt_py_randint(Context* ctx, int64_t a, int64_t b) {
  if (a > b) { // "empty range for randrange()"
    ctx->fail(ErrorKind::ValueError);
    return 0;
  }
  uint64_t span = static_cast<uint64_t>(b) - static_cast<uint64_t>(a) + 1; // 0: all 2^64 values
  uint64_t limit = span == 0 ? 0 : UINT64_MAX - UINT64_MAX % span;        // accept bits below it
  for (;;) {
    PhiloxCounter bits = philox4x32(nextDraw(ctx), ctx->drawKey);
    uint64_t draw = uint64_t{bits[0]} << 32 | bits[1];
    if (span == 0)
      return static_cast<int64_t>(draw);
    if (draw < limit)
      return static_cast<int64_t>(static_cast<uint64_t>(a) + draw % span);
  }
}

int64_t findc_rt_py_raise(Context* ctx, const Str* name) {
  ErrorKind kind = ErrorKind::ValueError;
  for (int32_t k = 1; k <= static_cast<int32_t>(ErrorKind::RecursionError); ++k)
    if (errorName(static_cast<ErrorKind>(k)) == name->view())
      kind = static_cast<ErrorKind>(k);
  ctx->fail(kind);
  return 0;
}

bool findc_rt_py_failed(Context* ctx) { return ctx->error != 0; }

bool findc_rt_py_catch(Context* ctx, const Str* classes) {
  if (ctx->error == 0)
    return false;
  uint32_t caught = 0;
  std::string_view rest = classes->view();
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    caught |= pythonExceptionKinds(rest.substr(0, comma)).value_or(0);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  if (!(caught & (uint32_t{1} << ctx->error)))
    return false;
  ctx->error = 0;
  return true;
}

const Complex* findc_rt_complex_from_real(Context* ctx, double value) { return store(ctx, asFloat(value)); }

const Complex* findc_rt_complex_make(Context* ctx, double re, double im) { return store(ctx, {re, im, true}); }

const Complex* findc_rt_complex_add(Context* ctx, const Complex* a, const Complex* b) {
  return arithmetic(ctx, a, b, [](double x, double y) { return x + y; },
                    [](Complex x, Complex y) { return Complex{x.re + y.re, x.im + y.im, true}; });
}

const Complex* findc_rt_complex_sub(Context* ctx, const Complex* a, const Complex* b) {
  return arithmetic(ctx, a, b, [](double x, double y) { return x - y; },
                    [](Complex x, Complex y) { return Complex{x.re - y.re, x.im - y.im, true}; });
}

const Complex* findc_rt_complex_mul(Context* ctx, const Complex* a, const Complex* b) {
  return arithmetic(ctx, a, b, [](double x, double y) { return x * y; },
                    [](Complex x, Complex y) { // _Py_c_prod
                      return Complex{x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re, true};
                    });
}

const Complex* findc_rt_complex_div(Context* ctx, const Complex* a, const Complex* b) {
  return arithmetic(ctx, a, b, [ctx](double x, double y) { return findc_rt_real_py_div(ctx, x, y); },
                    [ctx](Complex x, Complex y) { return quotient(ctx, x, y); });
}

const Complex* findc_rt_complex_neg(Context* ctx, const Complex* a) {
  return store(ctx, {-a->re, a->isComplex ? -a->im : 0.0, a->isComplex});
}

// abs(): fabs of a float; _Py_c_abs of a complex (C99: an infinite part
// wins over a NaN), OverflowError when hypot overflows.
double findc_rt_complex_abs(Context* ctx, const Complex* a) {
  if (!a->isComplex)
    return std::fabs(a->re);
  if (std::isinf(a->re))
    return std::fabs(a->re);
  if (std::isinf(a->im))
    return std::fabs(a->im);
  if (std::isnan(a->re) || std::isnan(a->im))
    return std::nan("");
  double result = std::hypot(a->re, a->im);
  if (std::isinf(result)) { // "absolute value too large"
    ctx->fail(ErrorKind::OverflowError);
    return 0.0;
  }
  return result;
}

const Str* findc_rt_complex_str(Context* ctx, const Complex* a) { return makeStr(arenaOf(ctx), formatComplex(*a)); }

double findc_rt_complex_re(Context*, const Complex* a) { return a->re; }

double findc_rt_complex_im(Context*, const Complex* a) { return a->isComplex ? a->im : 0.0; }

bool findc_rt_complex_eq(Context*, const Complex* a, const Complex* b) {
  return a->re == b->re && (a->isComplex ? a->im : 0.0) == (b->isComplex ? b->im : 0.0);
}

bool findc_rt_complex_is_complex(Context*, const Complex* a) { return a->isComplex; }

} // extern "C"
