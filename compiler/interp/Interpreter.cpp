#include "compiler/interp/Interpreter.h"

#include "compiler/ir/Passes.h"

#include <vector>

namespace findc {

Scalar unaryArgument(const ir::Param& param, double x) {
  Scalar arg[] = {Scalar::ofReal(x)};
  return param.type == Type::Int ? evaluatePrim(PrimOp::ToInt, arg) : arg[0];
}

Interpreter::Interpreter(const ir::Module& module, Entries entries)
    : module_(module), entries_(module.functions.size()), constants_(std::make_unique<rt::Arena>()) {
  for (uint32_t i = 0; i < module.functions.size(); ++i) {
    const ir::Function& fn = module.functions[i];
    if (entries == Entries::All)
      prepareEntry(i);
    for (const ir::Inst& inst : fn.body)
      if (inst.op == ir::Opcode::Const && inst.type == Type::Str)
        strings_[&inst] = rt::makeStr(*constants_, inst.text);
  }
}

void Interpreter::prepareEntry(uint32_t index) {
  if (!entries_[index] && module_.functions[index].hasUnaryEntry())
    entries_[index] = ir::specializeUnaryEntry(module_, index);
}

Scalar Interpreter::call(uint32_t index, std::span<const Scalar> args, rt::Context& ctx) const {
  return run(module_.functions[index], args, &ctx);
}

Scalar Interpreter::call(uint32_t index, std::span<const Scalar> args) const {
  const ir::Function& fn = module_.functions[index];
  if (!fn.usesContext)
    return run(fn, args, nullptr);
  rt::Arena arena;
  rt::Context ctx{&arena};
  return run(fn, args, &ctx);
}

Scalar Interpreter::execute(const ir::Inst& inst, std::span<const Scalar> values, std::span<const Scalar> args,
                            rt::Context* ctx) const {
  switch (inst.op) {
  case ir::Opcode::Param: return args[inst.index];
  case ir::Opcode::Const: return inst.type == Type::Str ? Scalar::ofStr(strings_.at(&inst)) : inst.constant;
  case ir::Opcode::BlockArg: break; // set by the branch that enters the block
  case ir::Opcode::Prim:
  case ir::Opcode::Call:
  case ir::Opcode::Runtime: {
    Scalar operands[8];
    std::vector<Scalar> many;
    std::span<Scalar> view;
    if (inst.operands.size() <= 8) {
      for (size_t k = 0; k < inst.operands.size(); ++k)
        operands[k] = values[inst.operands[k]];
      view = std::span(operands, inst.operands.size());
    } else {
      for (ir::ValueId operand : inst.operands)
        many.push_back(values[operand]);
      view = many;
    }
    if (inst.op == ir::Opcode::Prim)
      return evaluatePrim(inst.prim, view);
    if (inst.op == ir::Opcode::Runtime)
      return rt::applyStrOp(inst.strOp(), *ctx, view);
    return run(module_.functions[inst.index], view, ctx);
  }
  }
  return {};
}

Scalar Interpreter::run(const ir::Function& fn, std::span<const Scalar> args, rt::Context* ctx) const {
  std::vector<Scalar> values(fn.body.size());
  if (fn.blocks.empty()) {
    for (size_t i = 0; i < fn.body.size(); ++i)
      values[i] = execute(fn.body[i], values, args, ctx);
    return values[fn.result];
  }
  std::vector<Scalar> passed;
  for (uint32_t block = 0;;) {
    const ir::Block& b = fn.blocks[block];
    for (ir::ValueId id : b.insts)
      values[id] = execute(fn.body[id], values, args, ctx);
    const ir::Terminator& t = b.term;
    if (t.kind == ir::Terminator::Kind::Return)
      return values[t.value];
    const ir::Terminator::Edge& edge =
        t.kind == ir::Terminator::Kind::Branch || values[t.value].b ? t.edges[0] : t.edges[1];
    // Read every argument before writing any: a loop passes its own
    // arguments around (a parallel copy).
    passed.clear();
    for (ir::ValueId arg : edge.args)
      passed.push_back(values[arg]);
    const ir::Block& target = fn.blocks[edge.block];
    for (size_t k = 0; k < passed.size(); ++k)
      values[target.args[k]] = passed[k];
    block = edge.block;
  }
}

double Interpreter::callUnary(uint32_t index, double x) const {
  const ir::Function& entry = *entries_[index];
  Scalar arg[] = {unaryArgument(entry.params[0], x)};
  return run(entry, arg, nullptr).asDouble();
}

void Interpreter::callBatch(uint32_t index, const double* x, double* y, size_t n) const {
  for (size_t i = 0; i < n; ++i)
    y[i] = callUnary(index, x[i]);
}

} // namespace findc
