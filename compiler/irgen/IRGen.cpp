#include "compiler/irgen/IRGen.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace findc {
namespace {

using namespace ast;

// Which expressions may be evaluated when their value is not needed, for
// the functions of one module: each callee is judged once, so chains of
// calls cost linear time.
class Speculation {
public:
  // Whether evaluating `e` when its value is not needed is harmless and
  // cheap: numbers and bools only, calls of functions that are themselves
  // such expressions, nothing that can fail. Such arms of `if`, `and`, `or`
  // become a `select`; others branch.
  bool speculatable(const Expr& e) {
    switch (e.kind) {
    case ExprKind::IntLit: case ExprKind::RealLit: case ExprKind::BoolLit: case ExprKind::Name:
      return !isHandle(e.type);
    case ExprKind::Unary: return speculatable(*static_cast<const Unary&>(e).operand);
    case ExprKind::Binary: {
      const auto& b = static_cast<const Binary&>(e);
      return !b.strOp && speculatable(*b.lhs) && speculatable(*b.rhs);
    }
    case ExprKind::Compare:
      for (const auto& operand : static_cast<const Compare&>(e).operands)
        if (isHandle(operand->type) || !speculatable(*operand))
          return false;
      return true;
    case ExprKind::Conditional: {
      const auto& c = static_cast<const Conditional&>(e);
      return speculatable(*c.cond) && speculatable(*c.thenExpr) && speculatable(*c.elseExpr);
    }
    case ExprKind::Call: {
      const auto& call = static_cast<const Call&>(e);
      for (const Arg& a : call.args)
        if (!speculatable(*a.value))
          return false;
      if (call.target.kind == CallTarget::Kind::Function)
        return speculatable(*call.target.function);
      return call.target.kind == CallTarget::Kind::Prim || call.target.kind == CallTarget::Kind::Convert;
    }
    case ExprKind::Block: {
      const auto& block = static_cast<const Block&>(e);
      for (const auto& let : block.lets)
        if (!speculatable(*let->init))
          return false;
      return speculatable(*block.result);
    }
    default: return false;
    }
  }

  // Whether a function needs blocks: statements, or an expression body with
  // an arm that must not be evaluated unless chosen.
  bool needsBlocks(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Unary: return needsBlocks(*static_cast<const Unary&>(e).operand);
    case ExprKind::Binary: {
      const auto& b = static_cast<const Binary&>(e);
      bool logical = b.op == BinaryOp::And || b.op == BinaryOp::Or;
      return (logical && !speculatable(*b.rhs)) || needsBlocks(*b.lhs) || needsBlocks(*b.rhs);
    }
    case ExprKind::Compare:
      for (const auto& operand : static_cast<const Compare&>(e).operands)
        if (needsBlocks(*operand))
          return true;
      return false;
    case ExprKind::Conditional: {
      const auto& c = static_cast<const Conditional&>(e);
      return !speculatable(*c.thenExpr) || !speculatable(*c.elseExpr) || needsBlocks(*c.cond);
    }
    case ExprKind::Call:
      for (const Arg& a : static_cast<const Call&>(e).args)
        if (needsBlocks(*a.value))
          return true;
      return false;
    case ExprKind::Block: {
      const auto& block = static_cast<const Block&>(e);
      for (const auto& let : block.lets)
        if (needsBlocks(*let->init))
          return true;
      return needsBlocks(*block.result);
    }
    case ExprKind::ListLit:
      for (const auto& item : static_cast<const ListLit&>(e).elements)
        if (needsBlocks(*item))
          return true;
      return false;
    case ExprKind::MapLit: {
      const auto& m = static_cast<const MapLit&>(e);
      for (size_t i = 0; i < m.keys.size(); ++i)
        if (needsBlocks(*m.keys[i]) || needsBlocks(*m.values[i]))
          return true;
      return false;
    }
    case ExprKind::Index: {
      const auto& i = static_cast<const Index&>(e);
      return needsBlocks(*i.base) || needsBlocks(*i.index);
    }
    case ExprKind::Slice: {
      const auto& sl = static_cast<const Slice&>(e);
      for (const Expr* part : {sl.base.get(), sl.lo.get(), sl.hi.get(), sl.step.get()})
        if (part && needsBlocks(*part))
          return true;
      return false;
    }
    default: return false;
    }
  }

private:
  // A numeric expression function is as harmless as its body; a recursive
  // one never is (it counts its depth; and the judgment of a callee in
  // progress is false, so this ends).
  bool speculatable(const FuncDecl& callee) {
    auto [it, inserted] = callees_.try_emplace(&callee, false);
    if (!inserted)
      return it->second;
    bool harmless = !callee.recursive && !callee.hasStatements() && !isHandle(callee.resultType) &&
                    std::none_of(callee.params.begin(), callee.params.end(),
                                 [](const Param& p) { return isHandle(p.type); });
    it->second = harmless && speculatable(*callee.body);
    return it->second;
  }

  std::map<const FuncDecl*, bool> callees_;
};

class FunctionLowering {
public:
  FunctionLowering(const std::map<const FuncDecl*, uint32_t>& indices, Speculation& speculation,
                   const FuncDecl& decl, ir::Function& fn)
      : indices_(indices), speculation_(speculation), decl_(decl), fn_(fn), b_(fn) {}

  // `domain`: the result is NaN unless lo <= x <= hi (x the first parameter).
  void run(ir::Function& fn, std::optional<std::pair<double, double>> domain = std::nullopt) {
    if (decl_.recursive || decl_.hasStatements() || speculation_.needsBlocks(*decl_.body)) {
      runWithBlocks(domain);
      return;
    }
    for (uint32_t i = 0; i < decl_.params.size(); ++i)
      params_.push_back(b_.param(i));
    fn.result = withinDomain(lowerAs(*decl_.body, fn.resultType), domain);
  }

private:
  // The result, or NaN where x is outside the enforced domain.
  ir::ValueId withinDomain(ir::ValueId result, std::optional<std::pair<double, double>> domain) {
    if (!domain)
      return result;
    ir::ValueId x = params_[0];
    ir::ValueId inside =
        b_.prim(PrimOp::And, Type::Bool,
                {b_.prim(PrimOp::Ge, Type::Bool, {x, b_.constant(Scalar::ofReal(domain->first))}),
                 b_.prim(PrimOp::Le, Type::Bool, {x, b_.constant(Scalar::ofReal(domain->second))})});
    return b_.prim(PrimOp::Select, Type::Real,
                   {inside, convert(result, Type::Real), b_.constant(Scalar::ofReal(std::nan("")))});
  }

  // ---- blocks ----

  static constexpr uint32_t kNoBlock = UINT32_MAX;

  void runWithBlocks(std::optional<std::pair<double, double>> domain) {
    setBlock(newBlock({}));
    for (uint32_t i = 0; i < decl_.params.size(); ++i)
      params_.push_back(b_.param(i));
    if (decl_.recursive)
      enterRecursiveCall();
    if (!decl_.hasStatements()) { // benches are expressions: only they have domains
      ret(withinDomain(lowerAs(*decl_.body, fn_.resultType), domain));
      return;
    }
    lowerStatements(decl_.statements);
    if (live()) // Sema proved every path returns; keep the IR well-formed anyway
      ret(b_.constant(Scalar::ofInt(0)));
  }

  uint32_t newBlock(const std::vector<Type>& argTypes) {
    auto index = static_cast<uint32_t>(fn_.blocks.size());
    fn_.blocks.emplace_back();
    for (size_t k = 0; k < argTypes.size(); ++k) {
      ir::Inst arg;
      arg.op = ir::Opcode::BlockArg;
      arg.type = argTypes[k];
      arg.index = static_cast<uint32_t>(k);
      fn_.body.push_back(std::move(arg));
      fn_.blocks[index].args.push_back(static_cast<ir::ValueId>(fn_.body.size() - 1));
    }
    return index;
  }

  void setBlock(uint32_t block) {
    current_ = block;
    b_.setBlock(block == kNoBlock ? std::nullopt : std::optional(block));
  }
  bool live() const { return current_ != kNoBlock; }
  const std::vector<ir::ValueId>& argsOf(uint32_t block) const { return fn_.blocks[block].args; }

  void terminate(ir::Terminator term) {
    fn_.blocks[current_].term = std::move(term);
    setBlock(kNoBlock);
  }
  void branch(uint32_t target, std::vector<ir::ValueId> args) {
    ir::Terminator t;
    t.kind = ir::Terminator::Kind::Branch;
    t.edges[0] = {target, std::move(args)};
    terminate(std::move(t));
  }
  void condBranch(ir::ValueId cond, uint32_t ifTrue, std::vector<ir::ValueId> trueArgs, uint32_t ifFalse,
                  std::vector<ir::ValueId> falseArgs) {
    ir::Terminator t;
    t.kind = ir::Terminator::Kind::CondBranch;
    t.value = cond;
    t.edges[0] = {ifTrue, std::move(trueArgs)};
    t.edges[1] = {ifFalse, std::move(falseArgs)};
    terminate(std::move(t));
  }
  // A recursive function first counts its call (py.enter); where that
  // fails (too deep, the budget spent, an error recorded) it returns its
  // harmless value at once, and every other return leaves (py.leave).
  void enterRecursiveCall() {
    uint32_t body = newBlock({}), refused = newBlock({});
    condBranch(b_.runtime(rt::StrOp::PyEnter, {}), body, {}, refused, {});
    setBlock(refused);
    terminateReturn(harmlessValue(fn_.resultType));
    setBlock(body);
  }

  // A value of `type` for a path whose result is never used.
  ir::ValueId harmlessValue(Type type) {
    switch (type) {
    case Type::Bool: return b_.constant(Scalar::ofBool(false));
    case Type::Real: return b_.constant(Scalar::ofReal(0));
    case Type::Str: return b_.text("");
    case Type::StrList: case Type::IntList: case Type::RealList: return b_.runtime(rt::listOps(type).empty, {});
    case Type::StrMap: case Type::StrIntMap: case Type::StrRealMap:
    case Type::IntStrMap: case Type::IntIntMap: case Type::IntRealMap: return b_.runtime(rt::mapOps(type).empty, {});
    case Type::Complex: return b_.runtime(rt::StrOp::ComplexFromReal, {b_.constant(Scalar::ofReal(0))});
    default: return b_.constant(Scalar::ofInt(0));
    }
  }

  void ret(ir::ValueId value) {
    if (decl_.recursive)
      b_.runtime(rt::StrOp::PyLeave, {});
    terminateReturn(value);
  }
  void terminateReturn(ir::ValueId value) {
    ir::Terminator t;
    t.kind = ir::Terminator::Kind::Return;
    t.value = value;
    terminate(std::move(t));
  }

  // ---- statements ----

  // The current values of the variables in scope, in declaration order:
  // what every join point and loop header passes along.
  std::vector<ir::ValueId> varValues(size_t count) const {
    std::vector<ir::ValueId> values = varValues();
    values.resize(count);
    return values;
  }
  std::vector<ir::ValueId> varValues() const {
    std::vector<ir::ValueId> values;
    for (const LetStmt* var : vars_)
      values.push_back(lets_.at(var));
    return values;
  }
  std::vector<Type> varTypes() const {
    std::vector<Type> types;
    for (const LetStmt* var : vars_)
      types.push_back(var->type);
    return types;
  }
  void bindVars(const std::vector<ir::ValueId>& values) {
    for (size_t k = 0; k < vars_.size(); ++k)
      lets_[vars_[k]] = values[k];
  }

  void lowerStatements(const StmtList& stmts) {
    size_t mark = vars_.size();
    for (const auto& stmt : stmts) {
      if (!live())
        break; // after a return: never runs
      lowerStatement(*stmt);
    }
    vars_.resize(mark);
  }

  void lowerStatement(const Stmt& stmt) {
    switch (stmt.kind) {
    case StmtKind::Let: {
      const LetStmt& let = *static_cast<const LetStatement&>(stmt).let;
      lets_[&let] = lowerAs(*let.init, let.type);
      if (let.mutableVar)
        vars_.push_back(&let);
      return;
    }
    case StmtKind::Assign: {
      const auto& a = static_cast<const AssignStmt&>(stmt);
      ir::ValueId value;
      if (!a.compound)
        value = lowerAs(*a.value, a.target->type);
      else if (isHandle(a.operandType))
        value = b_.runtime(a.operandType == Type::Str ? rt::StrOp::StrConcat : rt::listOps(a.operandType).concat,
                           {lets_.at(a.target), lower(*a.value)});
      else
        value = convert(b_.prim(primOf(a.op), a.operandType,
                                {convert(lets_.at(a.target), a.operandType), lowerAs(*a.value, a.operandType)}),
                        a.target->type);
      lets_[a.target] = value;
      return;
    }
    case StmtKind::If: lowerIf(static_cast<const IfStmt&>(stmt)); return;
    case StmtKind::While: {
      const auto& w = static_cast<const WhileStmt&>(stmt);
      lowerLoop(w.body, [&] { return lower(*w.cond); }, [&] { lowerStatements(w.body); }, [] {});
      return;
    }
    case StmtKind::For: lowerFor(static_cast<const ForStmt&>(stmt)); return;
    case StmtKind::Return: ret(lowerAs(*static_cast<const ReturnStmt&>(stmt).value, fn_.resultType)); return;
    case StmtKind::Break:
    case StmtKind::Continue: lowerJump(stmt.kind); return;
    }
  }

  void lowerIf(const IfStmt& s) {
    std::vector<ir::ValueId> before = varValues();
    uint32_t join = kNoBlock;
    auto toJoin = [&] {
      if (!live())
        return;
      if (join == kNoBlock)
        join = newBlock(varTypes());
      branch(join, varValues());
    };
    for (size_t i = 0; i < s.conds.size(); ++i) {
      ir::ValueId cond = lower(*s.conds[i]);
      uint32_t then = newBlock({});
      uint32_t otherwise = newBlock({});
      condBranch(cond, then, {}, otherwise, {});
      setBlock(then);
      lowerStatements(s.bodies[i]);
      toJoin();
      bindVars(before);
      setBlock(otherwise);
    }
    if (s.bodies.size() > s.conds.size())
      lowerStatements(s.bodies.back());
    toJoin();
    if (join != kNoBlock) {
      setBlock(join);
      bindVars(argsOf(join));
    }
  }

  // while cond { body }, with the variables as header arguments. Each trip
  // spends one unit of the loop budget (loop.tick), which also ends the loop
  // once an error is recorded. `advance` steps a `for` loop's counter at the
  // end of a trip. With `break`, the exit takes the variables as arguments
  // (from the header or the break); with `continue`, the end of the body and
  // each continue go to a latch block that advances.
  template <typename Cond, typename Body, typename Advance>
  void lowerLoop(const StmtList& statements, Cond cond, Body body, Advance advance) {
    std::vector<Type> types = varTypes();
    uint32_t header = newBlock(types);
    branch(header, varValues());
    setBlock(header);
    std::vector<ir::ValueId> atHeader = argsOf(header);
    bindVars(atHeader);
    bool breaks = jumps(statements, StmtKind::Break);
    std::vector<ir::ValueId> exitArgs = breaks ? atHeader : std::vector<ir::ValueId>{};
    uint32_t check = newBlock({});
    uint32_t exit = newBlock(breaks ? types : std::vector<Type>{});
    condBranch(b_.runtime(rt::StrOp::LoopTick, {}), check, {}, exit, exitArgs);
    setBlock(check);
    ir::ValueId c = cond();
    uint32_t bodyBlock = newBlock({});
    condBranch(c, bodyBlock, {}, exit, exitArgs);
    setBlock(bodyBlock);
    uint32_t latch = jumps(statements, StmtKind::Continue) ? newBlock(types) : kNoBlock;
    loops_.push_back({latch, exit, types});
    body();
    loops_.pop_back();
    if (live() && latch != kNoBlock)
      branch(latch, varValues(types.size()));
    if (latch != kNoBlock) {
      setBlock(latch);
      bindVars(argsOf(latch));
    }
    if (live()) {
      advance();
      branch(header, varValues());
    }
    setBlock(exit);
    bindVars(breaks ? argsOf(exit) : atHeader);
  }

  // Whether `statements` hold a `break` (or `continue`) of their loop, not
  // of a loop nested in them.
  static bool jumps(const StmtList& statements, StmtKind kind) {
    for (const auto& stmt : statements) {
      if (stmt->kind == kind)
        return true;
      if (auto* s = dyn<IfStmt>(stmt.get()))
        for (const StmtList& body : s->bodies)
          if (jumps(body, kind))
            return true;
    }
    return false;
  }

  // The innermost loop's targets, and the variables its blocks carry.
  struct LoopTargets {
    uint32_t latch;
    uint32_t exit;
    std::vector<Type> types;
  };
  std::vector<LoopTargets> loops_;

  // `break` and `continue`: the loop's variables (not those declared inside
  // it) to its exit or latch.
  void lowerJump(StmtKind kind) {
    const LoopTargets& loop = loops_.back();
    branch(kind == StmtKind::Break ? loop.exit : loop.latch, varValues(loop.types.size()));
  }

  void lowerFor(const ForStmt& s) {
    // What is iterated, its length or bounds: evaluated once, before the loop.
    ir::ValueId sequence = 0, start, stop, step;
    if (s.over == ForStmt::Over::Range) {
      start = s.rangeStart ? lowerAs(*s.rangeStart, Type::Int) : b_.constant(Scalar::ofInt(0));
      stop = lowerAs(*s.rangeStop, Type::Int);
      step = s.rangeStep ? b_.runtime(rt::StrOp::RangeStep, {lowerAs(*s.rangeStep, Type::Int)})
                         : b_.constant(Scalar::ofInt(1));
    } else {
      sequence = lower(*s.iterable);
      Type t = b_.typeOf(sequence);
      start = b_.constant(Scalar::ofInt(0));
      stop = b_.runtime(t == Type::Str ? rt::StrOp::StrLen : rt::listOps(t).len, {sequence});
      step = b_.constant(Scalar::ofInt(1));
    }
    // The counter is the first loop variable; a hidden LetStmt carries it.
    LetStmt counter;
    counter.type = Type::Int;
    counter.mutableVar = true;
    vars_.insert(vars_.begin(), &counter);
    lets_[&counter] = start;
    auto zero = b_.constant(Scalar::ofInt(0));
    lowerLoop(
        s.body,
        [&] {
          ir::ValueId i = lets_.at(&counter);
          ir::ValueId up = b_.prim(PrimOp::Lt, Type::Bool, {i, stop});
          if (s.over != ForStmt::Over::Range)
            return up;
          ir::ValueId down = b_.prim(PrimOp::Gt, Type::Bool, {i, stop});
          return b_.prim(PrimOp::Select, Type::Bool, {b_.prim(PrimOp::Gt, Type::Bool, {step, zero}), up, down});
        },
        [&] {
          ir::ValueId i = lets_.at(&counter);
          Type t = s.over == ForStmt::Over::Range ? Type::Int : b_.typeOf(sequence);
          lets_[s.var.get()] = t == Type::Int   ? i
                               : t == Type::Str ? b_.runtime(rt::StrOp::StrIndex, {sequence, i})
                                                : b_.runtime(rt::listOps(t).get, {sequence, i});
          lowerStatements(s.body);
        },
        [&] { lets_[&counter] = b_.prim(PrimOp::Add, Type::Int, {lets_.at(&counter), step}); });
    vars_.erase(vars_.begin());
    lets_.erase(&counter);
  }

  // ---- expressions ----

  ir::ValueId convert(ir::ValueId value, Type to) {
    Type from = b_.typeOf(value);
    if (from == to)
      return value;
    if (to == Type::Complex) // a number becomes a complex-typed float, as Python promotes
      return b_.runtime(rt::StrOp::ComplexFromReal, {convert(value, Type::Real)});
    if (isHandle(to))
      return value;
    return b_.prim(to == Type::Real ? PrimOp::ToReal : PrimOp::ToInt, to, {value});
  }

  ir::ValueId lowerAs(const Expr& e, Type to) { return convert(lower(e), to); }

  // `if`/`and`/`or` whose arm must only run when chosen: blocks and a join.
  template <typename Then, typename Else>
  ir::ValueId branchValue(ir::ValueId cond, Type type, Then then, Else otherwise) {
    uint32_t thenBlock = newBlock({}), elseBlock = newBlock({}), join = newBlock({type});
    condBranch(cond, thenBlock, {}, elseBlock, {});
    setBlock(thenBlock);
    ir::ValueId a = then();
    branch(join, {a});
    setBlock(elseBlock);
    ir::ValueId b = otherwise();
    branch(join, {b});
    setBlock(join);
    return argsOf(join)[0];
  }

  ir::ValueId lower(const Expr& e) {
    switch (e.kind) {
    case ExprKind::IntLit: return b_.constant(Scalar::ofInt(static_cast<const IntLit&>(e).value));
    case ExprKind::RealLit: return b_.constant(Scalar::ofReal(static_cast<const RealLit&>(e).value));
    case ExprKind::BoolLit: return b_.constant(Scalar::ofBool(static_cast<const BoolLit&>(e).value));
    case ExprKind::StrLit: return b_.text(static_cast<const StrLit&>(e).value);
    case ExprKind::Name: return lowerName(static_cast<const NameRef&>(e));
    case ExprKind::Unary: {
      const auto& u = static_cast<const Unary&>(e);
      ir::ValueId operand = lower(*u.operand);
      if (u.op == UnaryOp::Plus)
        return operand;
      if (e.type == Type::Complex)
        return b_.runtime(rt::StrOp::ComplexNeg, {operand});
      return b_.prim(u.op == UnaryOp::Neg ? PrimOp::Neg : PrimOp::Not, e.type, {operand});
    }
    case ExprKind::Binary: {
      const auto& bin = static_cast<const Binary&>(e);
      if (bin.strOp) {
        // Complex arithmetic promotes a number operand; str/list ops take theirs as is.
        bool promote = bin.operandType == Type::Complex;
        ir::ValueId l = promote ? lowerAs(*bin.lhs, Type::Complex) : lower(*bin.lhs);
        ir::ValueId r = promote ? lowerAs(*bin.rhs, Type::Complex) : lower(*bin.rhs);
        return bin.swapOperands ? b_.runtime(*bin.strOp, {r, l}) : b_.runtime(*bin.strOp, {l, r});
      }
      bool logical = bin.op == BinaryOp::And || bin.op == BinaryOp::Or;
      if (logical && live() && !fn_.blocks.empty() && !speculation_.speculatable(*bin.rhs)) {
        ir::ValueId l = lower(*bin.lhs);
        auto rhs = [&] { return lower(*bin.rhs); };
        auto constant = [&] { return b_.constant(Scalar::ofBool(bin.op == BinaryOp::Or)); };
        return bin.op == BinaryOp::And ? branchValue(l, Type::Bool, rhs, constant)
                                       : branchValue(l, Type::Bool, constant, rhs);
      }
      ir::ValueId l = lowerAs(*bin.lhs, bin.operandType);
      ir::ValueId r = lowerAs(*bin.rhs, bin.operandType);
      return b_.prim(primOf(bin.op), e.type, {l, r});
    }
    case ExprKind::Compare: return lowerCompare(static_cast<const Compare&>(e));
    case ExprKind::Conditional: {
      const auto& c = static_cast<const Conditional&>(e);
      ir::ValueId cond = lower(*c.cond);
      if (!fn_.blocks.empty() && (!speculation_.speculatable(*c.thenExpr) || !speculation_.speculatable(*c.elseExpr)))
        return branchValue(cond, e.type, [&] { return lowerAs(*c.thenExpr, e.type); },
                           [&] { return lowerAs(*c.elseExpr, e.type); });
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
    case ExprKind::ListLit: {
      const rt::ListOps& ops = rt::listOps(e.type);
      ir::ValueId list = b_.runtime(ops.empty, {});
      for (const auto& item : static_cast<const ListLit&>(e).elements)
        list = b_.runtime(ops.append, {list, lower(*item)});
      return list;
    }
    case ExprKind::MapLit: {
      const auto& m = static_cast<const MapLit&>(e);
      const rt::MapOps& ops = rt::mapOps(e.type);
      ir::ValueId map = b_.runtime(ops.empty, {});
      for (size_t i = 0; i < m.keys.size(); ++i) {
        ir::ValueId key = lower(*m.keys[i]);
        map = b_.runtime(ops.insert, {map, key, lower(*m.values[i])});
      }
      return map;
    }
    case ExprKind::Index: {
      const auto& ix = static_cast<const Index&>(e);
      ir::ValueId base = lower(*ix.base);
      ir::ValueId index = lower(*ix.index);
      Type t = b_.typeOf(base);
      return b_.runtime(t == Type::Str    ? rt::StrOp::StrIndex
                        : isList(t)       ? rt::listOps(t).get
                                          : rt::mapOps(t).lookup,
                        {base, index});
    }
    case ExprKind::Slice: {
      const auto& sl = static_cast<const Slice&>(e);
      ir::ValueId base = lower(*sl.base);
      std::optional<ir::ValueId> lo, hi;
      if (sl.lo)
        lo = lower(*sl.lo);
      if (sl.hi)
        hi = lower(*sl.hi);
      ir::ValueId step = sl.step ? lower(*sl.step) : b_.constant(Scalar::ofInt(1));
      // An omitted bound becomes what CPython's PySlice_Unpack puts for None:
      // an extreme chosen by the step's sign (see StrOps.def).
      std::optional<ir::ValueId> backwards;
      auto omitted = [&](int64_t forward, int64_t backward) {
        if (!sl.step)
          return b_.constant(Scalar::ofInt(forward));
        if (!backwards)
          backwards = b_.prim(PrimOp::Lt, Type::Bool, {step, b_.constant(Scalar::ofInt(0))});
        return b_.prim(PrimOp::Select, Type::Int,
                       {*backwards, b_.constant(Scalar::ofInt(backward)), b_.constant(Scalar::ofInt(forward))});
      };
      ir::ValueId start = lo ? *lo : omitted(0, INT64_MAX);
      ir::ValueId stop = hi ? *hi : omitted(INT64_MAX, INT64_MIN);
      Type t = b_.typeOf(base);
      return b_.runtime(isList(t) ? rt::listOps(t).slice : rt::StrOp::StrSlice, {base, start, stop, step});
    }
    }
    return 0;
  }

  ir::ValueId lowerName(const NameRef& e) {
    switch (e.binding.kind) {
    case Binding::Kind::Param: return params_[e.binding.paramIndex];
    case Binding::Kind::Let: return lets_.at(e.binding.let);
    case Binding::Kind::Const:
      if (e.binding.constant->text)
        return b_.text(*e.binding.constant->text);
      return b_.constant(*e.binding.constant->value);
    case Binding::Kind::Builtin: return b_.constant(e.binding.builtinValue);
    case Binding::Kind::Unresolved: break;
    }
    return b_.constant(Scalar::ofReal(0));
  }

  // One comparison of a chain, on handles: a runtime operation.
  ir::ValueId compareHandles(CompareOp op, Type type, ir::ValueId l, ir::ValueId r) {
    using enum rt::StrOp;
    auto negate = [&](ir::ValueId v) { return b_.prim(PrimOp::Not, Type::Bool, {v}); };
    if (op == CompareOp::In || op == CompareOp::NotIn) {
      ir::ValueId in = b_.runtime(type == Type::Str ? StrContains : isList(type) ? rt::listOps(type).contains : rt::mapOps(type).contains,
                                  {r, l});
      return op == CompareOp::In ? in : negate(in);
    }
    if (op == CompareOp::Eq || op == CompareOp::Ne) {
      ir::ValueId eq = b_.runtime(type == Type::Str       ? StrEq
                                  : isList(type)          ? rt::listOps(type).eq
                                  : type == Type::Complex ? ComplexEq
                                                          : rt::mapOps(type).eq,
                                  {l, r});
      return op == CompareOp::Eq ? eq : negate(eq);
    }
    ir::ValueId order = b_.runtime(StrCompare, {l, r});
    return b_.prim(primOf(op), Type::Bool, {order, b_.constant(Scalar::ofInt(0))});
  }

  ir::ValueId lowerCompare(const Compare& e) {
    std::vector<ir::ValueId> operands;
    for (const auto& operand : e.operands)
      operands.push_back(lower(*operand));
    ir::ValueId result = 0;
    for (size_t i = 0; i < e.ops.size(); ++i) {
      Type t = e.operandTypes[i];
      ir::ValueId cmp = isHandle(t) ? compareHandles(e.ops[i], t, convert(operands[i], t), convert(operands[i + 1], t))
                                    : b_.prim(primOf(e.ops[i]), Type::Bool,
                                              {convert(operands[i], t), convert(operands[i + 1], t)});
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
    if (target.kind == CallTarget::Kind::Runtime) {
      const rt::StrOpInfo& info = rt::strOpInfo(target.strOp);
      std::vector<ir::ValueId> args;
      for (size_t i = 0; i < e.args.size(); ++i)
        args.push_back(lowerAs(*e.args[i].value, info.operands[i]));
      return b_.runtime(target.strOp, std::move(args));
    }
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
  Speculation& speculation_;
  const FuncDecl& decl_;
  ir::Function& fn_;
  ir::Builder b_;
  std::vector<ir::ValueId> params_;
  std::map<const LetStmt*, ir::ValueId> lets_;
  std::vector<const LetStmt*> vars_; // mutable variables in scope
  uint32_t current_ = kNoBlock;
};

// The library functions `module` calls, directly or not, callees first.
class LibraryCalls {
public:
  LibraryCalls(const ast::Module& module, const std::vector<const FuncDecl*>& roots) {
    for (const auto& decl : module.functions)
      own_.insert(decl.get());
    for (const auto& decl : module.functions)
      visit(*decl);
    for (const FuncDecl* root : roots)
      if (seen_.insert(root).second) {
        visit(*root);
        order.push_back(root);
      }
  }
  std::vector<const FuncDecl*> order;

private:
  void visit(const FuncDecl& fn) {
    if (fn.body)
      visit(*fn.body);
    else
      visit(fn.statements);
  }

  void visit(const StmtList& stmts) {
    for (const auto& stmt : stmts) {
      switch (stmt->kind) {
      case StmtKind::Let: visit(*static_cast<const LetStatement&>(*stmt).let->init); break;
      case StmtKind::Assign: visit(*static_cast<const AssignStmt&>(*stmt).value); break;
      case StmtKind::Return: visit(*static_cast<const ReturnStmt&>(*stmt).value); break;
      case StmtKind::If: {
        const auto& s = static_cast<const IfStmt&>(*stmt);
        for (const auto& cond : s.conds)
          visit(*cond);
        for (const auto& body : s.bodies)
          visit(body);
        break;
      }
      case StmtKind::While: {
        const auto& s = static_cast<const WhileStmt&>(*stmt);
        visit(*s.cond);
        visit(s.body);
        break;
      }
      case StmtKind::For: {
        const auto& s = static_cast<const ForStmt&>(*stmt);
        visit(*s.iterable);
        visit(s.body);
        break;
      }
      case StmtKind::Break:
      case StmtKind::Continue: break;
      }
    }
  }

  void visit(const Expr& e) {
    switch (e.kind) {
    case ExprKind::ListLit:
      for (const auto& item : static_cast<const ListLit&>(e).elements)
        visit(*item);
      break;
    case ExprKind::MapLit: {
      const auto& m = static_cast<const MapLit&>(e);
      for (size_t i = 0; i < m.keys.size(); ++i) {
        visit(*m.keys[i]);
        visit(*m.values[i]);
      }
      break;
    }
    case ExprKind::Index: {
      const auto& ix = static_cast<const Index&>(e);
      visit(*ix.base);
      visit(*ix.index);
      break;
    }
    case ExprKind::Slice: {
      const auto& sl = static_cast<const Slice&>(e);
      for (const Expr* part : {sl.base.get(), sl.lo.get(), sl.hi.get(), sl.step.get()})
        if (part)
          visit(*part);
      break;
    }
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
        visit(*callee);
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
  fn.recursive = decl.recursive;
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
    effects.noise.kind = bench.noise->kind;
    effects.noise.scale = bench.noise->scale.value;
  }
  if (const auto& c = bench.corrupt) {
    effects.corruption.region = c->region;
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

ir::Module generateIR(const ast::Module& module, const std::vector<const FuncDecl*>& libraryRoots) {
  ir::Module out;
  std::map<const FuncDecl*, uint32_t> indices;
  std::vector<const FuncDecl*> decls = LibraryCalls(module, libraryRoots).order;
  for (const auto& decl : module.functions)
    decls.push_back(decl.get());
  Speculation speculation;
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
      FunctionLowering(indices, speculation, *decls[i], out.functions[i]).run(out.functions[i]);
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
      FunctionLowering(indices, speculation, *decls[i], out.functions[i]).run(out.functions[i], enforcedDomain(b));
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
      FunctionLowering(indices, speculation, *decls[i], target).run(target, enforcedDomain(b));
      ir::Function& fn = out.functions[i];
      fn.resultType = Type::Real;
      if (approx.trained)
        lowerNetwork(fn, b.approx->weights);
      else
        FunctionLowering(indices, speculation, *decls[i], fn).run(fn, enforcedDomain(b));
      out.functions.push_back(std::move(target));
      info.approx = approx;
    }
    out.benches.push_back(std::move(info));
  }
  ir::markContextUse(out);
  return out;
}

} // namespace findc
