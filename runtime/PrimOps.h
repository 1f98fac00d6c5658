// Primitive operations and their reference semantics.
//
// `evaluatePrim` is the single definition of what each operation computes; the
// interpreter and the IR constant folder call it, and codegen emits LLVM IR
// that computes the same bits (NumPy's conventions on IEEE doubles, wrapping
// 64-bit integers). The scalar helpers below spell out the non-obvious cases.
#pragma once

#include "runtime/Value.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>

namespace findc {

enum class PrimOp : uint8_t {
#define PRIM(Name, ...) Name,
#include "runtime/PrimOps.def"
};

unsigned primArity(PrimOp op);
std::string_view primMnemonic(PrimOp op);
std::optional<PrimOp> primFromMnemonic(std::string_view mnemonic);
bool isComparison(PrimOp op);
// Result type of `op` applied to operands of type `operand` (the first operand
// for Select is the Bool condition; pass the type of the arms).
Type primResultType(PrimOp op, Type operand);
// Whether `op` accepts operands of `operand` type.
bool primAccepts(PrimOp op, Type operand);

// Operands must already satisfy the op's typing rules (the IR verifier checks).
Scalar evaluatePrim(PrimOp op, std::span<const Scalar> args);

namespace rt {

// NumPy's npy_divmod: floor division and a modulus with the divisor's sign.
struct DivMod {
  double quotient;
  double modulus;
};
inline DivMod divmodReal(double a, double b) {
  double mod = std::fmod(a, b);
  if (b == 0.0)
    return {a / b, mod};
  double div = (a - mod) / b;
  if (mod != 0.0) {
    if ((b < 0) != (mod < 0)) {
      mod += b;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, b);
  }
  double floordiv;
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5)
      floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, a / b);
  }
  return {floordiv, mod};
}

// Integer floor division and modulus; division by zero gives 0 (NumPy's
// result), INT64_MIN // -1 wraps.
inline int64_t floorDivInt(int64_t a, int64_t b) {
  if (b == 0)
    return 0;
  if (b == -1)
    return static_cast<int64_t>(0ULL - static_cast<uint64_t>(a));
  int64_t q = a / b;
  int64_t r = a - q * b;
  if (r != 0 && ((r < 0) != (b < 0)))
    --q;
  return q;
}
inline int64_t modInt(int64_t a, int64_t b) {
  if (b == 0 || b == -1)
    return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0)))
    r += b;
  return r;
}

// np.sign: NaN stays NaN, both zeros give +0.
inline double signReal(double x) {
  return x > 0 ? 1.0 : (x < 0 ? -1.0 : (x == 0 ? 0.0 : x));
}
// np.heaviside(x, h0).
inline double heaviside(double x, double h0) {
  return x < 0 ? 0.0 : (x == 0 ? h0 : (x > 0 ? 1.0 : x));
}
// np.minimum / np.maximum: NaN-propagating; ties return the first operand.
inline double minReal(double a, double b) { return (a <= b || std::isnan(a)) ? a : b; }
inline double maxReal(double a, double b) { return (a >= b || std::isnan(a)) ? a : b; }
// int(x) without Python's exceptions: truncates, saturates, NaN gives 0
// (LLVM's fptosi.sat).
inline int64_t realToInt(double x) {
  if (std::isnan(x))
    return 0;
  if (x >= 9223372036854775807.0)
    return std::numeric_limits<int64_t>::max();
  if (x <= -9223372036854775808.0)
    return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(x);
}
inline int64_t wrapAdd(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
inline int64_t wrapSub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}
inline int64_t wrapMul(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}

} // namespace rt
} // namespace findc
