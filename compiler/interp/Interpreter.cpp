#include "compiler/interp/Interpreter.h"

#include "compiler/ir/Passes.h"

#include <vector>

namespace findc {

Scalar unaryArgument(const ir::Param& param, double x) {
  Scalar arg[] = {Scalar::ofReal(x)};
  return param.type == Type::Int ? evaluatePrim(PrimOp::ToInt, arg) : arg[0];
}

Interpreter::Interpreter(const ir::Module& module) : module_(module), entries_(module.functions.size()) {
  for (uint32_t i = 0; i < module.functions.size(); ++i)
    if (module.functions[i].hasUnaryEntry())
      entries_[i] = ir::specializeUnaryEntry(module, i);
}

Scalar Interpreter::call(uint32_t index, std::span<const Scalar> args) const {
  return run(module_.functions[index], args);
}

Scalar Interpreter::run(const ir::Function& fn, std::span<const Scalar> args) const {
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
      values[i] = inst.op == ir::Opcode::Prim ? evaluatePrim(inst.prim, operands) : call(inst.index, operands);
      break;
    }
  }
  return values[fn.result];
}

double Interpreter::callUnary(uint32_t index, double x) const {
  const ir::Function& entry = *entries_[index];
  Scalar arg[] = {unaryArgument(entry.params[0], x)};
  return run(entry, arg).asDouble();
}

void Interpreter::callBatch(uint32_t index, const double* x, double* y, size_t n) const {
  for (size_t i = 0; i < n; ++i)
    y[i] = callUnary(index, x[i]);
}

} // namespace findc
