#include "compiler/irgen/IRGen.h"

#include <cmath>
#include <map>
#include <set>

namespace findc {
namespace {

using namespace ast;

class FunctionLowering {
public:
  FunctionLowering(const std::map<const FuncDecl*, uint32_t>& indices, const FuncDecl& decl, ir::Function& fn)
      : indices_(indices), decl_(decl), b_(fn) {}

  // `domain`: the result is NaN unless lo <= x <= hi (x the first parameter).
  void run(ir::Function& fn, std::optional<std::pair<double, double>> domain = std::nullopt) {
    for (uint32_t i = 0; i < decl_.params.size(); ++i)
      params_.push_back(b_.param(i));
    fn.result = lowerAs(*decl_.body, fn.resultType);
    if (domain) {
      ir::ValueId x = params_[0];
      ir::ValueId inside =
          b_.prim(PrimOp::And, Type::Bool,
                  {b_.prim(PrimOp::Ge, Type::Bool, {x, b_.constant(Scalar::ofReal(domain->first))}),
                   b_.prim(PrimOp::Le, Type::Bool, {x, b_.constant(Scalar::ofReal(domain->second))})});
      fn.result = b_.prim(PrimOp::Select, Type::Real,
                          {inside, convert(fn.result, Type::Real), b_.constant(Scalar::ofReal(std::nan("")))});
    }
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

// The library functions `module` calls, directly or not, callees first.
class LibraryCalls {
public:
  explicit LibraryCalls(const ast::Module& module) {
    for (const auto& decl : module.functions)
      own_.insert(decl.get());
    for (const auto& decl : module.functions)
      visit(*decl->body);
  }
  std::vector<const FuncDecl*> order;

private:
  void visit(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Unary: visit(*static_cast<const Unary&>(e).operand); break;
    case ExprKind::Binary: {
      const auto& b = static_cast<const Binary&>(e);
      visit(*b.lhs);
      visit(*b.rhs);
      break;
    }
    case ExprKind::Compare:
      for (const auto& operand : static_cast<const Compare&>(e).operands)
        visit(*operand);
      break;
    case ExprKind::Conditional: {
      const auto& c = static_cast<const Conditional&>(e);
      visit(*c.cond);
      visit(*c.thenExpr);
      visit(*c.elseExpr);
      break;
    }
    case ExprKind::Call: {
      const auto& call = static_cast<const Call&>(e);
      for (const Arg& arg : call.args)
        visit(*arg.value);
      const FuncDecl* callee = call.target.function;
      if (callee && !own_.count(callee) && seen_.insert(callee).second) {
        visit(*callee->body);
        order.push_back(callee);
      }
      break;
    }
    case ExprKind::Block: {
      const auto& block = static_cast<const Block&>(e);
      for (const auto& let : block.lets)
        visit(*let->init);
      visit(*block.result);
      break;
    }
    default: break;
    }
  }

  std::set<const FuncDecl*> own_, seen_;
};

ir::Function declare(const FuncDecl& decl, std::string name) {
  ir::Function fn;
  fn.name = std::move(name);
  fn.doc = decl.doc;
  fn.resultType = decl.resultType;
  for (const Param& p : decl.params)
    fn.params.push_back({p.name, p.type, p.defaultValue});
  return fn;
}

// FIND's network y = w2 . relu(w1 x + b1) + b2, in float32 like PyTorch:
// every operation rounded to float32 (exact: double rounding is harmless
// for + and * from float operands), the sum from 0 in index order, then b2,
// as suite::evaluateMlp computes it.
void lowerNetwork(ir::Function& fn, const std::vector<ClauseValue>& weights) {
  size_t hidden = (weights.size() - 1) / 3;
  ir::Builder b(fn);
  auto f32 = [&](ir::ValueId v) { return b.prim(PrimOp::RoundF32, Type::Real, {v}); };
  auto constant = [&](double w) { return b.constant(Scalar::ofReal(static_cast<float>(w))); };
  auto real = [&](PrimOp op, ir::ValueId l, ir::ValueId r) { return f32(b.prim(op, Type::Real, {l, r})); };
  ir::ValueId x = f32(b.param(0));
  ir::ValueId zero = b.constant(Scalar::ofReal(0));
  ir::ValueId sum = zero;
  for (size_t i = 0; i < hidden; ++i) {
    ir::ValueId pre = real(PrimOp::Add, real(PrimOp::Mul, constant(weights[i].value), x),
                           constant(weights[hidden + i].value));
    ir::ValueId activation = b.prim(PrimOp::Max, Type::Real, {pre, zero});
    ir::ValueId term = real(PrimOp::Mul, constant(weights[2 * hidden + i].value), activation);
    sum = real(PrimOp::Add, sum, term);
  }
  fn.result = real(PrimOp::Add, sum, constant(weights.back().value));
}

std::optional<std::pair<double, double>> enforcedDomain(const BenchDecl& bench) {
  if (!bench.domain || bench.domain->extrapolate)
    return std::nullopt;
  return std::pair{bench.domain->lo.value, bench.domain->hi.value};
}

rt::BenchEffects effectsOf(const BenchDecl& bench) {
  rt::BenchEffects effects;
  if (bench.noise) {
    effects.noise.kind = bench.noise->kind == NoiseKind::Normal    ? rt::NoiseKind::Normal
                         : bench.noise->kind == NoiseKind::Uniform ? rt::NoiseKind::Uniform
                                                                    : rt::NoiseKind::Poisson;
    effects.noise.scale = bench.noise->scale.value;
  }
  if (const auto& c = bench.corrupt) {
    effects.corruption.region = c->region == CorruptRegion::Below   ? rt::CorruptRegion::Below
                                : c->region == CorruptRegion::Above ? rt::CorruptRegion::Above
                                                                     : rt::CorruptRegion::Inside;
    effects.corruption.a = c->a.value;
    effects.corruption.b = c->b.value;
    effects.corruption.mean = c->mean.value;
    effects.corruption.scale = c->scale.value;
  }
  if (auto domain = enforcedDomain(bench)) {
    effects.domainLo = domain->first;
    effects.domainHi = domain->second;
  }
  return effects;
}

} // namespace

ir::Module generateIR(const ast::Module& module) {
  ir::Module out;
  std::map<const FuncDecl*, uint32_t> indices;
  std::vector<const FuncDecl*> decls = LibraryCalls(module).order;
  for (const auto& decl : module.functions)
    decls.push_back(decl.get());
  std::map<const FuncDecl*, const BenchDecl*> benches;
  for (const BenchDecl& bench : module.benches)
    benches[bench.function] = &bench;

  for (size_t i = 0; i < decls.size(); ++i) {
    indices[decls[i]] = static_cast<uint32_t>(i);
    // Library functions keep their qualified names in the IR.
    const std::string& library = decls[i]->library;
    out.functions.push_back(declare(*decls[i], library.empty() ? decls[i]->name : library + "." + decls[i]->name));
  }

  for (size_t i = 0; i < decls.size(); ++i) {
    auto bench = benches.find(decls[i]);
    if (bench == benches.end()) {
      FunctionLowering(indices, *decls[i], out.functions[i]).run(out.functions[i]);
      continue;
    }
    const BenchDecl& b = *bench->second;
    ir::Bench info;
    info.function = static_cast<uint32_t>(i);
    info.category = b.category;
    if (b.domain) {
      info.domain = std::pair{b.domain->lo.value, b.domain->hi.value};
      info.extrapolate = b.domain->extrapolate;
    }
    info.effects = effectsOf(b);
    if (!b.approx) {
      FunctionLowering(indices, *decls[i], out.functions[i]).run(out.functions[i], enforcedDomain(b));
    } else {
      // The clean expression becomes NAME.target, the network NAME.
      ir::Bench::Approx approx;
      approx.hidden = static_cast<unsigned>(b.approx->hidden.value);
      approx.trained = !b.approx->weights.empty();
      approx.endOffset = b.approx->endOffset;
      approx.line = b.approx->loc.line;
      approx.column = b.approx->loc.column;
      if (b.approx->mse)
        approx.mse = b.approx->mse->value;
      approx.target = static_cast<uint32_t>(out.functions.size());
      ir::Function target = declare(*decls[i], decls[i]->name + ".target");
      target.resultType = Type::Real;
      FunctionLowering(indices, *decls[i], target).run(target, enforcedDomain(b));
      ir::Function& fn = out.functions[i];
      fn.resultType = Type::Real;
      if (approx.trained)
        lowerNetwork(fn, b.approx->weights);
      else
        FunctionLowering(indices, *decls[i], fn).run(fn, enforcedDomain(b));
      out.functions.push_back(std::move(target));
      info.approx = approx;
    }
    out.benches.push_back(std::move(info));
  }
  return out;
}

} // namespace findc
