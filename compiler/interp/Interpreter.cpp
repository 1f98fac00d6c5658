#include "compiler/interp/Interpreter.h"

#include <vector>

namespace findc {

Scalar unaryArgument(const ir::Param& param, double x) {
  Scalar arg[] = {Scalar::ofReal(x)};
  return param.type == Type::Int ? evaluatePrim(PrimOp::ToInt, arg) : arg[0];
}

Scalar Interpreter::call(uint32_t index, std::span<const Scalar> args) const {
  const ir::Function& fn = module_.functions[index];
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
  const ir::Function& fn = module_.functions[index];
  std::vector<Scalar> args;
  args.push_back(unaryArgument(fn.params[0], x));
  for (size_t i = 1; i < fn.params.size(); ++i)
    args.push_back(*fn.params[i].defaultValue);
  return call(index, args).asDouble();
}

void Interpreter::callBatch(uint32_t index, const double* x, double* y, size_t n) const {
  for (size_t i = 0; i < n; ++i)
    y[i] = callUnary(index, x[i]);
}

} // namespace findc
