// The reference interpreter: executes findc IR directly, with the semantics
// of runtime/PrimOps and runtime/Strings. The JIT must produce the same bits
// (in exact math mode).
#pragma once

#include "compiler/ir/IR.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

namespace findc {

class Interpreter {
public:
  // Which unary entries the constructor specializes: every function's, or
  // none (then prepareEntry() each before its first unary call).
  enum class Entries { All, OnDemand };
  explicit Interpreter(const ir::Module& module, Entries entries = Entries::All);

  // Specializes the unary entry of function `index` if not done yet. Not
  // synchronized: callers serialize it against calls of the same function.
  void prepareEntry(uint32_t index);

  // Calls function `index` with one argument per parameter. Strings and
  // lists it makes live in `ctx`'s arena; a failure is recorded in `ctx`
  // (the result is then meaningless).
  Scalar call(uint32_t index, std::span<const Scalar> args, rt::Context& ctx) const;
  // The same for functions that need no context (numbers only).
  Scalar call(uint32_t index, std::span<const Scalar> args) const;
  // The unary entry point f(x): x binds the first parameter (converted to
  // its type), the rest take their defaults; the result is returned as a
  // double. Requires `hasUnaryEntry()`.
  double callUnary(uint32_t index, double x) const;
  void callBatch(uint32_t index, const double* x, double* y, size_t n) const;

private:
  Scalar run(const ir::Function& fn, std::span<const Scalar> args, rt::Context* ctx) const;
  Scalar execute(const ir::Inst& inst, std::span<const Scalar> values, std::span<const Scalar> args,
                 rt::Context* ctx) const;

  const ir::Module& module_;
  // ir::specializeUnaryEntry of each function that has a unary entry.
  std::vector<std::optional<ir::Function>> entries_;
  // The module's string constants, by instruction.
  std::unique_ptr<rt::Arena> constants_;
  std::unordered_map<const ir::Inst*, const rt::Str*> strings_;
};

// The argument the unary entry point passes for x (int parameters take
// int(x), saturating); codegen follows the same rule.
Scalar unaryArgument(const ir::Param& param, double x);

} // namespace findc
