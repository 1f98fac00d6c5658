// The reference interpreter: executes findc IR directly, with the semantics
// of runtime/PrimOps. The JIT must produce the same bits (in exact math mode).
#pragma once

#include "compiler/ir/IR.h"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace findc {

class Interpreter {
public:
  explicit Interpreter(const ir::Module& module);

  // Calls function `index` with one argument per parameter.
  Scalar call(uint32_t index, std::span<const Scalar> args) const;
  // The unary entry point f(x): x binds the first parameter (converted to
  // its type), the rest take their defaults; the result is returned as a
  // double. Requires `hasUnaryEntry()`.
  double callUnary(uint32_t index, double x) const;
  void callBatch(uint32_t index, const double* x, double* y, size_t n) const;

private:
  Scalar run(const ir::Function& fn, std::span<const Scalar> args) const;

  const ir::Module& module_;
  // ir::specializeUnaryEntry of each function that has a unary entry.
  std::vector<std::optional<ir::Function>> entries_;
};

// The argument the unary entry point passes for x (int parameters take
// int(x), saturating); codegen follows the same rule.
Scalar unaryArgument(const ir::Param& param, double x);

} // namespace findc
