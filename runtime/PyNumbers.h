// Python's numbers where they differ from IEEE arithmetic, shared by both
// engines: float division that raises, float ** that raises or turns
// complex, and the complex value.
//
// FIND's code computes some atoms on Python floats (1 / (a * x) raises
// ZeroDivisionError at x = 0; (-4.0) ** 0.5 is a complex number) and others
// through NumPy (inf and nan instead). The language says which it means:
// `/` and `**` are NumPy's (IEEE), `py_div` and `py_pow` are CPython 3.11's
// float_div and float_pow, operation for operation (docs/language.md).
#pragma once

#include "runtime/Strings.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace findc::rt {

// A value of type `complex`. As in PEP 484, where `complex` admits a float,
// it is at run time either a Python float (`isComplex` false: `re` is the
// value, `im` is 0) or a Python complex: a float until an operation makes it
// complex, as Python's own numbers are. Immutable; lives in the Context's
// arena like a str. The layout is fixed (generated code passes pointers).
struct Complex {
  double re;
  double im;
  bool isComplex;
};

// Python's repr of the value: `2.5` for a float, `(7.6-20.8j)`, `2j`,
// `(-0+1j)`, `(1+nanj)` for a complex.
std::string formatComplex(const Complex& value);
// Bitwise identity of the class and both parts (NaN equal to NaN).
bool identicalComplex(const Complex& a, const Complex& b);
const Complex* makeComplex(Arena& arena, Complex value);

// The error kinds `except CLASS:` catches, as a mask of bits 1 << ErrorKind,
// for Python's built-in exception classes (Exception and BaseException: every
// kind but BudgetExceeded, which is findc's resource bound, not a Python
// exception; RuntimeError catches RecursionError, its subclass; a class
// that catches none of findc's kinds, such as AttributeError, gives 0); nothing for a name that is not a built-in class.
std::optional<uint32_t> pythonExceptionKinds(std::string_view className);

// math.hypot(*coordinates) as CPython 3.11 computes it (its vector_norm),
// for up to 4 coordinates (more are ignored): glibc's hypot differs from it
// in the last bit at about 1 point in 600. Never raises: inf past the
// largest float, inf if any coordinate is infinite, else nan if any is nan.
double pythonHypot(std::span<const double> coordinates);

// Python's round(x, digits) (CPython's double_round): x's exact decimal
// expansion rounded half to even at the digit wanted, read back correctly
// rounded; inf where that overflows. roundDigits takes a shortcut through
// exact double arithmetic where it gives the same double (|digits| <= 22);
// roundDigitsByDecimal always writes the expansion out (~6 us), the
// reference the shortcut is tested against.
double roundDigits(double x, int64_t digits);
double roundDigitsByDecimal(double x, int64_t digits);

// Whether `op` draws from the evaluation's random stream (Python's random:
// py_random, py_uniform, py_gauss, py_np_normal, py_randint).
bool drawsRandom(StrOp op);

} // namespace findc::rt

// The runtime operations (StrOps.def, section "Python numbers"). Each takes
// the evaluation's Context, where it records ZeroDivisionError,
// OverflowError or ValueError as CPython raises them (returning 0 then).
extern "C" {
double findc_rt_real_py_div(findc::rt::Context* ctx, double a, double b);
double findc_rt_real_py_powi(findc::rt::Context* ctx, double base, int64_t exponent);
const findc::rt::Complex* findc_rt_real_py_pow(findc::rt::Context* ctx, double base, double exponent);
double findc_rt_real_py_mod(findc::rt::Context* ctx, double a, double b);
double findc_rt_real_py_floordiv(findc::rt::Context* ctx, double a, double b);
int64_t findc_rt_int_py_mod(findc::rt::Context* ctx, int64_t a, int64_t b);
int64_t findc_rt_int_py_floordiv(findc::rt::Context* ctx, int64_t a, int64_t b);
int64_t findc_rt_int_py_add(findc::rt::Context* ctx, int64_t a, int64_t b);
int64_t findc_rt_int_py_sub(findc::rt::Context* ctx, int64_t a, int64_t b);
int64_t findc_rt_int_py_mul(findc::rt::Context* ctx, int64_t a, int64_t b);
int64_t findc_rt_int_py_pow(findc::rt::Context* ctx, int64_t base, int64_t exponent);
int64_t findc_rt_real_py_int(findc::rt::Context* ctx, double x);
double findc_rt_real_py_math(findc::rt::Context* ctx, double result, double x);
double findc_rt_real_py_math_overflow(findc::rt::Context* ctx, double result, double x);
double findc_rt_real_py_round(findc::rt::Context* ctx, double x, int64_t digits);
double findc_rt_real_py_math_pow(findc::rt::Context* ctx, double x, double y);
double findc_rt_real_py_hypot(findc::rt::Context* ctx, double x, double y);
double findc_rt_real_py_hypot3(findc::rt::Context* ctx, double x, double y, double z);
double findc_rt_py_random(findc::rt::Context* ctx);
double findc_rt_py_uniform(findc::rt::Context* ctx, double a, double b);
double findc_rt_py_gauss(findc::rt::Context* ctx, double mu, double sigma);
double findc_rt_py_np_normal(findc::rt::Context* ctx, double loc, double scale);
int64_t findc_rt_py_randint(findc::rt::Context* ctx, int64_t a, int64_t b);
int64_t findc_rt_py_raise(findc::rt::Context* ctx, const findc::rt::Str* name);
bool findc_rt_py_failed(findc::rt::Context* ctx);
bool findc_rt_py_catch(findc::rt::Context* ctx, const findc::rt::Str* classes);
const findc::rt::Complex* findc_rt_complex_from_real(findc::rt::Context* ctx, double value);
const findc::rt::Complex* findc_rt_complex_make(findc::rt::Context* ctx, double re, double im);
const findc::rt::Complex* findc_rt_complex_add(findc::rt::Context* ctx, const findc::rt::Complex* a,
                                               const findc::rt::Complex* b);
const findc::rt::Complex* findc_rt_complex_sub(findc::rt::Context* ctx, const findc::rt::Complex* a,
                                               const findc::rt::Complex* b);
const findc::rt::Complex* findc_rt_complex_mul(findc::rt::Context* ctx, const findc::rt::Complex* a,
                                               const findc::rt::Complex* b);
const findc::rt::Complex* findc_rt_complex_div(findc::rt::Context* ctx, const findc::rt::Complex* a,
                                               const findc::rt::Complex* b);
const findc::rt::Complex* findc_rt_complex_neg(findc::rt::Context* ctx, const findc::rt::Complex* a);
double findc_rt_complex_abs(findc::rt::Context* ctx, const findc::rt::Complex* a);
const findc::rt::Str* findc_rt_complex_str(findc::rt::Context* ctx, const findc::rt::Complex* a);
double findc_rt_complex_re(findc::rt::Context* ctx, const findc::rt::Complex* a);
double findc_rt_complex_im(findc::rt::Context* ctx, const findc::rt::Complex* a);
bool findc_rt_complex_eq(findc::rt::Context* ctx, const findc::rt::Complex* a, const findc::rt::Complex* b);
bool findc_rt_complex_is_complex(findc::rt::Context* ctx, const findc::rt::Complex* a);
}
