#include "runtime/PrimOps.h"

#include <array>
#include <cassert>

namespace findc {
namespace {

struct PrimInfo {
  unsigned arity;
  std::string_view mnemonic;
};

constexpr std::array primTable = {
#define PRIM(Name, Arity, Mnemonic, ...) PrimInfo{Arity, Mnemonic},
#include "runtime/PrimOps.def"
};

enum class Signature { NumericPreserving, RealMath, Comparison, Logical, Special };

Signature signatureOf(PrimOp op) {
  switch (op) {
  case PrimOp::Neg: case PrimOp::Abs: case PrimOp::Sign: case PrimOp::Add:
  case PrimOp::Sub: case PrimOp::Mul: case PrimOp::FloorDiv: case PrimOp::Mod:
  case PrimOp::Min: case PrimOp::Max:
    return Signature::NumericPreserving;
  case PrimOp::Eq: case PrimOp::Ne: case PrimOp::Lt: case PrimOp::Le:
  case PrimOp::Gt: case PrimOp::Ge:
    return Signature::Comparison;
  case PrimOp::Not: case PrimOp::And: case PrimOp::Or:
    return Signature::Logical;
  case PrimOp::ToReal: case PrimOp::ToInt: case PrimOp::Select:
    return Signature::Special;
  default:
    return Signature::RealMath;
  }
}

double realMath(PrimOp op, double a, double b) {
  switch (op) {
  case PrimOp::Floor: return std::floor(a);
  case PrimOp::Ceil: return std::ceil(a);
  case PrimOp::Round: return std::nearbyint(a);
  case PrimOp::Trunc: return std::trunc(a);
  case PrimOp::Sqrt: return std::sqrt(a);
  case PrimOp::Cbrt: return std::cbrt(a);
  case PrimOp::Exp: return std::exp(a);
  case PrimOp::Exp2: return std::exp2(a);
  case PrimOp::Exp10: return ::exp10(a);
  case PrimOp::Expm1: return std::expm1(a);
  case PrimOp::Log: return std::log(a);
  case PrimOp::Log2: return std::log2(a);
  case PrimOp::Log10: return std::log10(a);
  case PrimOp::Log1p: return std::log1p(a);
  case PrimOp::Sin: return std::sin(a);
  case PrimOp::Cos: return std::cos(a);
  case PrimOp::Tan: return std::tan(a);
  case PrimOp::Asin: return std::asin(a);
  case PrimOp::Acos: return std::acos(a);
  case PrimOp::Atan: return std::atan(a);
  case PrimOp::Sinh: return std::sinh(a);
  case PrimOp::Cosh: return std::cosh(a);
  case PrimOp::Tanh: return std::tanh(a);
  case PrimOp::Asinh: return std::asinh(a);
  case PrimOp::Acosh: return std::acosh(a);
  case PrimOp::Atanh: return std::atanh(a);
  case PrimOp::Erf: return std::erf(a);
  case PrimOp::Erfc: return std::erfc(a);
  case PrimOp::RoundF32: return static_cast<double>(static_cast<float>(a));
  case PrimOp::Div: return a / b;
  case PrimOp::Pow: return std::pow(a, b);
  case PrimOp::Atan2: return std::atan2(a, b);
  case PrimOp::Hypot: return std::hypot(a, b);
  case PrimOp::Heaviside: return rt::heaviside(a, b);
  default: break;
  }
  assert(false && "not a real math op");
  return std::nan("");
}

template <typename T> bool compare(PrimOp op, T a, T b) {
  switch (op) {
  case PrimOp::Eq: return a == b;
  case PrimOp::Ne: return a != b;
  case PrimOp::Lt: return a < b;
  case PrimOp::Le: return a <= b;
  case PrimOp::Gt: return a > b;
  case PrimOp::Ge: return a >= b;
  default: break;
  }
  assert(false && "not a comparison");
  return false;
}

Scalar numericInt(PrimOp op, int64_t a, int64_t b) {
  switch (op) {
  case PrimOp::Neg: return Scalar::ofInt(rt::wrapSub(0, a));
  case PrimOp::Abs: return Scalar::ofInt(a < 0 ? rt::wrapSub(0, a) : a);
  case PrimOp::Sign: return Scalar::ofInt((a > 0) - (a < 0));
  case PrimOp::Add: return Scalar::ofInt(rt::wrapAdd(a, b));
  case PrimOp::Sub: return Scalar::ofInt(rt::wrapSub(a, b));
  case PrimOp::Mul: return Scalar::ofInt(rt::wrapMul(a, b));
  case PrimOp::FloorDiv: return Scalar::ofInt(rt::floorDivInt(a, b));
  case PrimOp::Mod: return Scalar::ofInt(rt::modInt(a, b));
  case PrimOp::Min: return Scalar::ofInt(a <= b ? a : b);
  case PrimOp::Max: return Scalar::ofInt(a >= b ? a : b);
  default: break;
  }
  assert(false && "not a numeric op");
  return {};
}

Scalar numericReal(PrimOp op, double a, double b) {
  switch (op) {
  case PrimOp::Neg: return Scalar::ofReal(-a);
  case PrimOp::Abs: return Scalar::ofReal(std::fabs(a));
  case PrimOp::Sign: return Scalar::ofReal(rt::signReal(a));
  case PrimOp::Add: return Scalar::ofReal(a + b);
  case PrimOp::Sub: return Scalar::ofReal(a - b);
  case PrimOp::Mul: return Scalar::ofReal(a * b);
  case PrimOp::FloorDiv: return Scalar::ofReal(rt::divmodReal(a, b).quotient);
  case PrimOp::Mod: return Scalar::ofReal(rt::divmodReal(a, b).modulus);
  case PrimOp::Min: return Scalar::ofReal(rt::minReal(a, b));
  case PrimOp::Max: return Scalar::ofReal(rt::maxReal(a, b));
  default: break;
  }
  assert(false && "not a numeric op");
  return {};
}

} // namespace

unsigned primArity(PrimOp op) { return primTable[static_cast<size_t>(op)].arity; }
std::string_view primMnemonic(PrimOp op) { return primTable[static_cast<size_t>(op)].mnemonic; }

std::optional<PrimOp> primFromMnemonic(std::string_view mnemonic) {
  for (size_t i = 0; i < primTable.size(); ++i)
    if (primTable[i].mnemonic == mnemonic)
      return static_cast<PrimOp>(i);
  return std::nullopt;
}

bool isComparison(PrimOp op) { return signatureOf(op) == Signature::Comparison; }

bool primAccepts(PrimOp op, Type operand) {
  switch (signatureOf(op)) {
  case Signature::NumericPreserving: return isNumeric(operand);
  case Signature::RealMath: return operand == Type::Real;
  case Signature::Comparison: return isNumeric(operand) || (operand == Type::Bool && (op == PrimOp::Eq || op == PrimOp::Ne));
  case Signature::Logical: return operand == Type::Bool;
  case Signature::Special:
    if (op == PrimOp::ToReal) return operand == Type::Int || operand == Type::Bool;
    if (op == PrimOp::ToInt) return operand == Type::Real || operand == Type::Bool;
    return operand != Type::Error; // Select
  }
  return false;
}

Type primResultType(PrimOp op, Type operand) {
  switch (signatureOf(op)) {
  case Signature::Comparison: return Type::Bool;
  case Signature::Logical: return Type::Bool;
  case Signature::RealMath: return Type::Real;
  case Signature::NumericPreserving: return operand;
  case Signature::Special:
    if (op == PrimOp::ToReal) return Type::Real;
    if (op == PrimOp::ToInt) return Type::Int;
    return operand;
  }
  return Type::Error;
}

Scalar evaluatePrim(PrimOp op, std::span<const Scalar> args) {
  assert(args.size() == primArity(op));
  const Scalar& a = args[0];
  const Scalar b = args.size() > 1 ? args[1] : Scalar();
  switch (signatureOf(op)) {
  case Signature::NumericPreserving:
    return a.type == Type::Int ? numericInt(op, a.i, b.i) : numericReal(op, a.r, b.r);
  case Signature::RealMath:
    return Scalar::ofReal(realMath(op, a.r, b.r));
  case Signature::Comparison:
    if (a.type == Type::Int) return Scalar::ofBool(compare(op, a.i, b.i));
    if (a.type == Type::Bool) return Scalar::ofBool(compare(op, a.b, b.b));
    return Scalar::ofBool(compare(op, a.r, b.r));
  case Signature::Logical:
    if (op == PrimOp::Not) return Scalar::ofBool(!a.b);
    return Scalar::ofBool(op == PrimOp::And ? (a.b && b.b) : (a.b || b.b));
  case Signature::Special:
    if (op == PrimOp::ToReal)
      return Scalar::ofReal(a.type == Type::Bool ? (a.b ? 1.0 : 0.0) : static_cast<double>(a.i));
    if (op == PrimOp::ToInt)
      return Scalar::ofInt(a.type == Type::Bool ? (a.b ? 1 : 0) : rt::realToInt(a.r));
    return a.b ? args[1] : args[2]; // Select
  }
  return {};
}

} // namespace findc
