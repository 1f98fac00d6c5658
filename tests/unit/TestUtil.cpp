#include "tests/unit/TestUtil.h"

#include "compiler/interp/Interpreter.h"
#include "compiler/ir/Passes.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdio>
#include <limits>
#include <span>
#include <sstream>

namespace findc::test {

std::string Compiled::diagnosticsText() const {
  std::ostringstream os;
  diags.print(os);
  return os.str();
}

std::unique_ptr<Compiled> compile(const std::string& source, bool optimize, const std::string& path) {
  auto result = std::make_unique<Compiled>();
  result->file = std::make_unique<SourceFile>(path, source);
  CompileOptions options;
  options.optimize = optimize;
  result->module = compileToIR(*result->file, result->diags, options);
  return result;
}

uint64_t bitsOf(double x) { return std::bit_cast<uint64_t>(x); }
double fromBits(uint64_t bits) { return std::bit_cast<double>(bits); }

bool sameReal(double a, double b) {
  if (std::isnan(a) && std::isnan(b))
    return true;
  return bitsOf(a) == bitsOf(b);
}

uint64_t ulpDistance(double a, double b) {
  if (std::isnan(a) || std::isnan(b))
    return std::numeric_limits<uint64_t>::max();
  // Map to a monotone signed integer line: -0.0 and +0.0 both go to 0.
  auto key = [](double x) -> int64_t {
    int64_t i = std::bit_cast<int64_t>(x);
    return i < 0 ? std::numeric_limits<int64_t>::min() - i : i;
  };
  int64_t ka = key(a), kb = key(b);
  return ka > kb ? static_cast<uint64_t>(ka) - static_cast<uint64_t>(kb)
                 : static_cast<uint64_t>(kb) - static_cast<uint64_t>(ka);
}

std::string describe(double x) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.17g [0x%016llx]", x, static_cast<unsigned long long>(bitsOf(x)));
  return buf;
}

std::vector<double> specialInputs() {
  const double inf = std::numeric_limits<double>::infinity();
  return {std::nan(""), -std::nan(""), inf, -inf, 0.0, -0.0, 1e-300, -1e-300, 1e300, -1e300,
          std::numeric_limits<double>::denorm_min(), -std::numeric_limits<double>::denorm_min(),
          std::numeric_limits<double>::min(), std::numeric_limits<double>::max(),
          -std::numeric_limits<double>::max(), 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.0, -2.0, 2.5, -2.5, 3.0,
          10.0, -10.0, 0.1, -0.1, 1e-8, 700.0, 710.0, -745.0, 9.3e18, -9.3e18, 4503599627370497.0};
}

std::vector<double> gridInputs(double lo, double hi, int n) {
  std::vector<double> xs;
  xs.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i)
    xs.push_back(n == 1 ? lo : lo + (hi - lo) * i / (n - 1));
  return xs;
}

namespace {

bool isTranscendental(PrimOp op) {
  switch (op) {
  case PrimOp::Cbrt: case PrimOp::Exp: case PrimOp::Exp2: case PrimOp::Exp10: case PrimOp::Expm1:
  case PrimOp::Log: case PrimOp::Log2: case PrimOp::Log10: case PrimOp::Log1p: case PrimOp::Sin:
  case PrimOp::Cos: case PrimOp::Tan: case PrimOp::Asin: case PrimOp::Acos: case PrimOp::Atan:
  case PrimOp::Sinh: case PrimOp::Cosh: case PrimOp::Tanh: case PrimOp::Asinh: case PrimOp::Acosh:
  case PrimOp::Atanh: case PrimOp::Erf: case PrimOp::Erfc: case PrimOp::Pow: case PrimOp::Atan2:
  case PrimOp::Hypot:
    return true;
  default:
    return false;
  }
}

// Moves `x` by `ulps` units in the last place (negative: down).
double nudge(double x, int ulps) {
  for (int i = 0; i < std::abs(ulps); ++i)
    x = std::nextafter(x, ulps > 0 ? INFINITY : -INFINITY);
  return x;
}

// The interpreter's semantics, with transcendental results moved by `ulps`:
// instruction i moves when bit i % 64 of `active` is set, up when that bit of
// `up` is set, else down. Evaluations under several patterns bracket what a vector
// math library may legitimately return once errors propagate through the
// rest of the function (cancellation in `cosh(x) - 1` or in a polynomial
// near a root magnifies a 1-ulp error in the result).
Scalar evalPerturbed(const ir::Module& module, const ir::Function& fn, std::span<const Scalar> args,
                     uint64_t active, uint64_t up, int ulps) {
  std::vector<Scalar> values(fn.body.size());
  std::vector<Scalar> operands;
  for (size_t i = 0; i < fn.body.size(); ++i) {
    const ir::Inst& inst = fn.body[i];
    switch (inst.op) {
    case ir::Opcode::Param: values[i] = args[inst.index]; break;
    case ir::Opcode::Const: values[i] = inst.constant; break;
    case ir::Opcode::Prim:
    case ir::Opcode::Call:
      operands.clear();
      for (ir::ValueId operand : inst.operands)
        operands.push_back(values[operand]);
      if (inst.op == ir::Opcode::Call) {
        values[i] = evalPerturbed(module, module.functions[inst.index], operands, active, up, ulps);
      } else {
        values[i] = evaluatePrim(inst.prim, operands);
        if (isTranscendental(inst.prim) && ((active >> (i % 64)) & 1))
          values[i].r = nudge(values[i].r, (up >> (i % 64)) & 1 ? ulps : -ulps);
      }
      break;
    case ir::Opcode::Runtime:
    case ir::Opcode::BlockArg:
      ADD_FAILURE() << "evalPerturbed handles numeric straight-line functions only";
      return {};
    }
  }
  return values[fn.result];
}

} // namespace

// Whether `v` (vector math) is explainable by few-ulp errors in the
// transcendental operations of function `f` at `x`.
bool vectorResultAcceptable(const ir::Module& module, uint32_t f, double x, double exact, double v) {
  if (sameReal(exact, v) || (std::isfinite(exact) && std::isfinite(v) && ulpDistance(exact, v) <= 4))
    return true;
  // The form both engines evaluate: inlined and folded with the defaults.
  const ir::Function entry = ir::specializeUnaryEntry(module, f);
  Scalar args[] = {unaryArgument(entry.params[0], x)};
  // Perturbations: all transcendental results moved under several up/down
  // patterns, and each one moved alone.
  std::vector<std::pair<uint64_t, uint64_t>> patterns;  // active, up
  for (uint64_t up : {0ULL, ~0ULL, 0x5555555555555555ULL, 0xAAAAAAAAAAAAAAAAULL, 0x3333333333333333ULL,
                      0xCCCCCCCCCCCCCCCCULL})
    patterns.push_back({~0ULL, up});
  for (size_t i = 0; i < entry.body.size() && i < 64; ++i)
    if (entry.body[i].op == ir::Opcode::Prim && isTranscendental(entry.body[i].prim)) {
      patterns.push_back({1ULL << i, 0});
      patterns.push_back({1ULL << i, ~0ULL});
    }
  double lo = INFINITY, hi = -INFINITY;
  for (int ulps : {1, 2, kVectorUlps})
    for (auto [active, up] : patterns) {
      double y = evalPerturbed(module, entry, args, active, up, ulps).asDouble();
      if (sameReal(y, v))
        return true;
      if (!std::isnan(y)) {
        lo = std::min(lo, y);
        hi = std::max(hi, y);
      }
    }
  return !std::isnan(v) && lo <= hi && nudge(lo, -4) <= v && v <= nudge(hi, 4);
}

double callWithDefaults(const Interpreter& interp, const ir::Module& module, uint32_t f, double x) {
  const ir::Function& fn = module.functions[f];
  std::vector<Scalar> args = {unaryArgument(fn.params[0], x)};
  for (size_t i = 1; i < fn.params.size(); ++i)
    args.push_back(*fn.params[i].defaultValue);
  return interp.call(f, args).asDouble();
}

std::unique_ptr<JIT> makeJIT(MathMode math, Tier tier) {
  JITOptions options;
  options.math = math;
  options.tier = tier;
  auto jit = JIT::create(options);
  if (!jit) {
    ADD_FAILURE() << "JIT::create failed: " << llvm::toString(jit.takeError());
    return nullptr;
  }
  return std::move(*jit);
}

std::unique_ptr<JIT> makeJIT(const ir::Module& module, MathMode math, Tier tier) {
  auto jit = makeJIT(math, tier);
  if (!jit)
    return nullptr;
  if (auto error = jit->add(module)) {
    ADD_FAILURE() << "JIT::add: " << llvm::toString(std::move(error));
    return nullptr;
  }
  return jit;
}

} // namespace findc::test
