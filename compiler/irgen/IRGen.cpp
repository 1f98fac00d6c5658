#include "compiler/irgen/IRGen.h"

#include <map>

namespace findc {
namespace {

using namespace ast;

class FunctionLowering {
public:
  FunctionLowering(const std::map<const FuncDecl*, uint32_t>& indices, const FuncDecl& decl, ir::Function& fn)
      : indices_(indices), decl_(decl), b_(fn) {}

  void run(ir::Function& fn) {
    for (uint32_t i = 0; i < decl_.params.size(); ++i)
      params_.push_back(b_.param(i));
    fn.result = lowerAs(*decl_.body, decl_.resultType);
  }

private:
  ir::ValueId convert(ir::ValueId value, Type to) {
    Type from = b_.typeOf(value);
    if (from == to)
      return value;
    return b_.prim(to == Type::Real ? PrimOp::ToReal : PrimOp::ToInt, to, {value});
  }

  ir::ValueId lowerAs(const Expr& e, Type to) { return convert(lower(e), to); }

  ir::ValueId lower(const Expr& e) {
    switch (e.kind) {
    case ExprKind::IntLit: return b_.constant(Scalar::ofInt(static_cast<const IntLit&>(e).value));
    case ExprKind::RealLit: return b_.constant(Scalar::ofReal(static_cast<const RealLit&>(e).value));
    case ExprKind::BoolLit: return b_.constant(Scalar::ofBool(static_cast<const BoolLit&>(e).value));
    case ExprKind::Name: return lowerName(static_cast<const NameRef&>(e));
    case ExprKind::Unary: {
      const auto& u = static_cast<const Unary&>(e);
      ir::ValueId operand = lower(*u.operand);
      if (u.op == UnaryOp::Plus)
        return operand;
      return b_.prim(u.op == UnaryOp::Neg ? PrimOp::Neg : PrimOp::Not, e.type, {operand});
    }
    case ExprKind::Binary: {
      const auto& bin = static_cast<const Binary&>(e);
      ir::ValueId l = lowerAs(*bin.lhs, bin.operandType);
      ir::ValueId r = lowerAs(*bin.rhs, bin.operandType);
      return b_.prim(primOf(bin.op), e.type, {l, r});
    }
    case ExprKind::Compare: return lowerCompare(static_cast<const Compare&>(e));
    case ExprKind::Conditional: {
      const auto& c = static_cast<const Conditional&>(e);
      ir::ValueId cond = lower(*c.cond);
      ir::ValueId a = lowerAs(*c.thenExpr, e.type);
      ir::ValueId b = lowerAs(*c.elseExpr, e.type);
      return b_.prim(PrimOp::Select, e.type, {cond, a, b});
    }
    case ExprKind::Call: return lowerCall(static_cast<const Call&>(e));
    case ExprKind::Block: {
      const auto& block = static_cast<const Block&>(e);
      for (const auto& let : block.lets)
        lets_[let.get()] = lowerAs(*let->init, let->type);
      return lower(*block.result);
    }
    }
    return 0;
  }

  ir::ValueId lowerName(const NameRef& e) {
    switch (e.binding.kind) {
    case Binding::Kind::Param: return params_[e.binding.paramIndex];
    case Binding::Kind::Let: return lets_.at(e.binding.let);
    case Binding::Kind::Const: return b_.constant(*e.binding.constant->value);
    case Binding::Kind::Builtin: return b_.constant(e.binding.builtinValue);
    case Binding::Kind::Unresolved: break;
    }
    return b_.constant(Scalar::ofReal(0));
  }

  ir::ValueId lowerCompare(const Compare& e) {
    std::vector<ir::ValueId> operands;
    for (const auto& operand : e.operands)
      operands.push_back(lower(*operand));
    ir::ValueId result = 0;
    for (size_t i = 0; i < e.ops.size(); ++i) {
      Type t = e.operandTypes[i];
      ir::ValueId cmp = b_.prim(primOf(e.ops[i]), Type::Bool, {convert(operands[i], t), convert(operands[i + 1], t)});
      result = i == 0 ? cmp : b_.prim(PrimOp::And, Type::Bool, {result, cmp});
    }
    return result;
  }

  ir::ValueId lowerCall(const Call& e) {
    const CallTarget& target = e.target;
    if (target.kind == CallTarget::Kind::Function) {
      const FuncDecl& callee = *target.function;
      std::vector<ir::ValueId> args;
      for (size_t i = 0; i < callee.params.size(); ++i) {
        const Param& p = callee.params[i];
        args.push_back(e.boundArgs[i] ? lowerAs(*e.boundArgs[i], p.type) : b_.constant(*p.defaultValue));
      }
      return b_.call(indices_.at(&callee), e.type, std::move(args));
    }
    if (target.kind == CallTarget::Kind::Convert)
      return lowerAs(*e.args[0].value, target.operandType);
    std::vector<ir::ValueId> args;
    for (size_t i = 0; i < e.args.size(); ++i) {
      bool isCondition = target.prim == PrimOp::Select && i == 0;
      args.push_back(lowerAs(*e.args[i].value, isCondition ? Type::Bool : target.operandType));
    }
    if (primArity(target.prim) == 2 && args.size() > 2) { // min/max of many, left to right
      ir::ValueId acc = args[0];
      for (size_t i = 1; i < args.size(); ++i)
        acc = b_.prim(target.prim, e.type, {acc, args[i]});
      return acc;
    }
    return b_.prim(target.prim, e.type, std::move(args));
  }

  const std::map<const FuncDecl*, uint32_t>& indices_;
  const FuncDecl& decl_;
  ir::Builder b_;
  std::vector<ir::ValueId> params_;
  std::map<const LetStmt*, ir::ValueId> lets_;
};

} // namespace

ir::Module generateIR(const ast::Module& module) {
  ir::Module out;
  std::map<const FuncDecl*, uint32_t> indices;
  for (const auto& decl : module.functions) {
    indices[decl.get()] = static_cast<uint32_t>(out.functions.size());
    ir::Function fn;
    fn.name = decl->name;
    fn.doc = decl->doc;
    fn.resultType = decl->resultType;
    for (const Param& p : decl->params)
      fn.params.push_back({p.name, p.type, p.defaultValue});
    out.functions.push_back(std::move(fn));
  }
  for (size_t i = 0; i < module.functions.size(); ++i)
    FunctionLowering(indices, *module.functions[i], out.functions[i]).run(out.functions[i]);
  return out;
}

} // namespace findc
