#include "compiler/ir/Passes.h"

#include <cmath>
#include <cstring>
#include <map>

namespace findc::ir {
namespace {

// Rebuilds a function's body one instruction at a time, optionally folding
// and value-numbering as it goes. Old value ids map to new ones in `remap`.
class Rewriter {
public:
  Rewriter(bool fold, bool cse) : fold_(fold), cse_(cse) {}

  std::vector<Inst> body;
  std::vector<ValueId> remap;

  // Adds `inst`, whose operands are already new ids; returns its new id.
  ValueId add(Inst inst) {
    if (fold_)
      if (auto simplified = simplify(inst))
        return *simplified;
    if (!cse_)
      return push(std::move(inst));
    auto key = keyOf(inst);
    if (auto it = seen_.find(key); it != seen_.end())
      return it->second;
    ValueId id = push(std::move(inst));
    seen_.emplace(std::move(key), id);
    return id;
  }

  ValueId constant(Scalar value) {
    Inst inst;
    inst.op = Opcode::Const;
    inst.type = value.type;
    inst.constant = value;
    return add(std::move(inst));
  }
  ValueId prim(PrimOp op, Type type, std::vector<ValueId> operands) {
    Inst inst;
    inst.op = Opcode::Prim;
    inst.prim = op;
    inst.type = type;
    inst.operands = std::move(operands);
    return add(std::move(inst));
  }

  // Copies `source` into this body with its operands translated.
  ValueId copy(const Inst& source) {
    Inst inst = source;
    for (ValueId& operand : inst.operands)
      operand = remap[operand];
    return add(std::move(inst));
  }

private:
  ValueId push(Inst inst) {
    body.push_back(std::move(inst));
    return static_cast<ValueId>(body.size() - 1);
  }

  static std::vector<uint64_t> keyOf(const Inst& inst) {
    uint64_t bits = 0;
    static_assert(sizeof(bits) == sizeof(inst.constant.r));
    if (inst.op == Opcode::Const) {
      if (inst.type == Type::Real)
        std::memcpy(&bits, &inst.constant.r, sizeof bits);
      else if (inst.type == Type::Int)
        bits = static_cast<uint64_t>(inst.constant.i);
      else
        bits = inst.constant.b;
    }
    std::vector<uint64_t> key = {static_cast<uint64_t>(inst.op), static_cast<uint64_t>(inst.type),
                                 static_cast<uint64_t>(inst.prim), inst.index, bits};
    key.insert(key.end(), inst.operands.begin(), inst.operands.end());
    return key;
  }

  const Inst& at(ValueId id) const { return body[id]; }
  bool isConst(ValueId id) const { return at(id).op == Opcode::Const; }
  std::optional<double> realConst(ValueId id) const {
    if (isConst(id) && at(id).type == Type::Real)
      return at(id).constant.r;
    return std::nullopt;
  }

  std::optional<ValueId> simplify(const Inst& inst) {
    if (inst.op != Opcode::Prim)
      return std::nullopt;
    bool allConst = true;
    for (ValueId operand : inst.operands)
      allConst &= isConst(operand);
    if (allConst) {
      std::vector<Scalar> args;
      for (ValueId operand : inst.operands)
        args.push_back(at(operand).constant);
      return constant(evaluatePrim(inst.prim, args));
    }
    if (inst.prim == PrimOp::Select) {
      if (isConst(inst.operands[0]))
        return at(inst.operands[0]).constant.b ? inst.operands[1] : inst.operands[2];
      if (inst.operands[1] == inst.operands[2])
        return inst.operands[1];
    }
    if (inst.prim == PrimOp::Pow)
      return simplifyPow(inst.operands[0], inst.operands[1]);
    return simplifyIdentity(inst);
  }

  // Identities that hold bit for bit in IEEE arithmetic, signed zeros and
  // NaNs included: x*1, 1*x, x/1, x-(+0), x+(-0).
  std::optional<ValueId> simplifyIdentity(const Inst& inst) {
    if (inst.type != Type::Real || inst.operands.size() != 2)
      return std::nullopt;
    ValueId lhs = inst.operands[0], rhs = inst.operands[1];
    auto is = [&](ValueId id, double value) {
      auto c = realConst(id);
      return c && *c == value && std::signbit(*c) == std::signbit(value);
    };
    switch (inst.prim) {
    case PrimOp::Mul:
      if (is(rhs, 1.0)) return lhs;
      if (is(lhs, 1.0)) return rhs;
      break;
    case PrimOp::Div:
      if (is(rhs, 1.0)) return lhs;
      break;
    case PrimOp::Sub:
      if (is(rhs, 0.0)) return lhs;
      break;
    case PrimOp::Add:
      if (is(rhs, -0.0)) return lhs;
      if (is(lhs, -0.0)) return rhs;
      break;
    default:
      break;
    }
    return std::nullopt;
  }

  // Only what glibc's pow does exactly: x**0 is 1 (NaN included) and x**1
  // is x. x**2 is not x*x: pow is not correctly rounded, and Python (so
  // FIND's released code) calls it; one ulp there moved gaussians 300 ulp.
  std::optional<ValueId> simplifyPow(ValueId base, ValueId exponent) {
    if (auto e = realConst(exponent)) {
      if (*e == 0.0) return constant(Scalar::ofReal(1.0));
      if (*e == 1.0) return base;
    }
    return std::nullopt;
  }

  bool fold_;
  bool cse_;
  std::map<std::vector<uint64_t>, ValueId> seen_;
};

bool sameBody(const std::vector<Inst>& a, const std::vector<Inst>& b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].op != b[i].op || a[i].prim != b[i].prim || a[i].operands != b[i].operands ||
        a[i].index != b[i].index || !a[i].constant.identical(b[i].constant))
      return false;
  return true;
}

bool rewrite(Function& fn, bool fold, bool cse) {
  if (fn.usesContext)
    return false;
  Rewriter r(fold, cse);
  r.remap.resize(fn.body.size());
  for (size_t i = 0; i < fn.body.size(); ++i)
    r.remap[i] = r.copy(fn.body[i]);
  ValueId result = r.remap[fn.result];
  bool changed = result != fn.result || !sameBody(fn.body, r.body);
  fn.body = std::move(r.body);
  fn.result = result;
  return changed;
}

} // namespace

bool foldConstants(Function& fn) { return rewrite(fn, /*fold=*/true, /*cse=*/false); }
bool eliminateCommonSubexpressions(Function& fn) { return rewrite(fn, /*fold=*/false, /*cse=*/true); }

bool eliminateDeadCode(Function& fn) {
  if (fn.usesContext)
    return false;
  std::vector<char> live(fn.body.size(), 0);
  live[fn.result] = 1;
  for (size_t i = fn.body.size(); i-- > 0;)
    if (live[i])
      for (ValueId operand : fn.body[i].operands)
        live[operand] = 1;
  std::vector<ValueId> remap(fn.body.size());
  std::vector<Inst> body;
  for (size_t i = 0; i < fn.body.size(); ++i) {
    if (!live[i])
      continue;
    Inst inst = std::move(fn.body[i]);
    for (ValueId& operand : inst.operands)
      operand = remap[operand];
    remap[i] = static_cast<ValueId>(body.size());
    body.push_back(std::move(inst));
  }
  bool changed = body.size() != fn.body.size();
  fn.result = remap[fn.result];
  fn.body = std::move(body);
  return changed;
}

bool inlineCalls(Module& module, size_t maxCalleeSize) {
  bool changed = false;
  for (uint32_t f : module.callOrder()) {
    Function& fn = module.functions[f];
    if (fn.usesContext)
      continue;
    bool hasCall = false;
    for (const Inst& inst : fn.body)
      hasCall |= inst.op == Opcode::Call && module.functions[inst.index].body.size() <= maxCalleeSize;
    if (!hasCall)
      continue;
    Rewriter r(/*fold=*/false, /*cse=*/false);
    r.remap.resize(fn.body.size());
    for (size_t i = 0; i < fn.body.size(); ++i) {
      const Inst& inst = fn.body[i];
      const Function* callee = inst.op == Opcode::Call ? &module.functions[inst.index] : nullptr;
      if (!callee || callee->body.size() > maxCalleeSize) {
        r.remap[i] = r.copy(inst);
        continue;
      }
      // Callees come first in call order, so their own calls are inlined already.
      std::vector<ValueId> calleeMap(callee->body.size());
      for (size_t k = 0; k < callee->body.size(); ++k) {
        const Inst& ci = callee->body[k];
        if (ci.op == Opcode::Param) {
          calleeMap[k] = r.remap[inst.operands[ci.index]];
          continue;
        }
        Inst copy = ci;
        for (ValueId& operand : copy.operands)
          operand = calleeMap[operand];
        calleeMap[k] = r.add(std::move(copy));
      }
      r.remap[i] = calleeMap[callee->result];
      changed = true;
    }
    fn.result = r.remap[fn.result];
    fn.body = std::move(r.body);
  }
  return changed;
}

namespace {

// Appends the body of function `index` to `r` with its parameters bound to
// `args`, inlining its calls recursively; returns the result's new id.
ValueId expandInline(Rewriter& r, const Module& module, uint32_t index, const std::vector<ValueId>& args) {
  const Function& fn = module.functions[index];
  std::vector<ValueId> map(fn.body.size());
  for (size_t i = 0; i < fn.body.size(); ++i) {
    const Inst& inst = fn.body[i];
    std::vector<ValueId> operands;
    for (ValueId operand : inst.operands)
      operands.push_back(map[operand]);
    if (inst.op == Opcode::Param) {
      map[i] = args[inst.index];
    } else if (inst.op == Opcode::Call) {
      map[i] = expandInline(r, module, inst.index, operands);
    } else {
      Inst copy = inst;
      copy.operands = std::move(operands);
      map[i] = r.add(std::move(copy));
    }
  }
  return map[fn.result];
}

} // namespace

Function specializeUnaryEntry(const Module& module, uint32_t index) {
  const Function& original = module.functions[index];
  Function entry;
  entry.name = original.name;
  entry.doc = original.doc;
  entry.params = {original.params[0]};
  entry.resultType = original.resultType;
  Rewriter r(/*fold=*/true, /*cse=*/true);
  Inst x;
  x.op = Opcode::Param;
  x.type = original.params[0].type;
  std::vector<ValueId> args = {r.add(std::move(x))};
  for (size_t i = 1; i < original.params.size(); ++i)
    args.push_back(r.constant(*original.params[i].defaultValue));
  entry.result = expandInline(r, module, index, args);
  entry.body = std::move(r.body);
  eliminateDeadCode(entry);
  return entry;
}

namespace {

// The largest power a monomial may have (beyond it pow stays a call) and how
// deep the rewriter looks into a sum or a product.
constexpr int kMaxHornerDegree = 16;
constexpr int kMaxPolynomialDepth = 256;

// c * base**degree; a constant has no base.
struct Monomial {
  double coefficient = 1.0;
  std::optional<ValueId> base;
  int degree = 0;
};

class HornerRewriter {
public:
  // Reads `body` (whose result is `result`); run() writes its rewrite into a function.
  HornerRewriter(const std::vector<Inst>& body, ValueId result)
      : body_(body), result_(result), uses_(body.size()), absorbed_(body.size()) {
    ++uses_[result];
    for (ValueId v = 0; v < body.size(); ++v)
      for (ValueId operand : body[v].operands) {
        ++uses_[operand];
        absorbed_[operand] = isSum(v);
      }
  }

  bool run(Function& fn) {
    Rewriter r(/*fold=*/true, /*cse=*/true);
    r.remap.resize(body_.size());
    bool changed = false;
    for (ValueId v = 0; v < body_.size(); ++v) {
      std::optional<ValueId> horner;
      // A sum whose only user is another sum is part of that one.
      if (isSum(v) && !(uses_[v] == 1 && absorbed_[v]))
        horner = rewriteSum(r, v);
      changed |= horner.has_value();
      r.remap[v] = horner ? *horner : r.copy(body_[v]);
    }
    fn.result = r.remap[result_];
    fn.body = std::move(r.body);
    return changed;
  }

private:
  bool isSum(ValueId v) const {
    const Inst& inst = body_[v];
    return inst.op == Opcode::Prim && inst.type == Type::Real && (inst.prim == PrimOp::Add || inst.prim == PrimOp::Sub);
  }

  struct Term {
    ValueId value;
    bool negated;
  };
  // The terms of sum `v`, through the sums only it uses.
  void collectTerms(ValueId v, bool negated, bool root, int depth, std::vector<Term>& terms) const {
    if (isSum(v) && (root || uses_[v] == 1) && depth < kMaxPolynomialDepth) {
      const Inst& inst = body_[v];
      collectTerms(inst.operands[0], negated, false, depth + 1, terms);
      collectTerms(inst.operands[1], inst.prim == PrimOp::Sub ? !negated : negated, false, depth + 1, terms);
      return;
    }
    terms.push_back({v, negated});
  }

  // `v` as c * base**degree: a constant, or a product, negation or power
  // (a literal integer exponent) of such; anything else is its own base.
  Monomial monomial(ValueId v, int depth = 0) const {
    const Inst& inst = body_[v];
    Monomial atom{1.0, v, 1};
    if (inst.type != Type::Real || depth >= kMaxPolynomialDepth)
      return atom;
    if (inst.op == Opcode::Const)
      return {inst.constant.r, std::nullopt, 0};
    if (inst.op != Opcode::Prim)
      return atom;
    switch (inst.prim) {
    case PrimOp::Neg: {
      Monomial m = monomial(inst.operands[0], depth + 1);
      m.coefficient = -m.coefficient;
      return m;
    }
    case PrimOp::Mul: {
      Monomial a = monomial(inst.operands[0], depth + 1), b = monomial(inst.operands[1], depth + 1);
      if (a.base && b.base && a.base != b.base)
        return atom;
      if (a.degree + b.degree > kMaxHornerDegree)
        return atom;
      return {a.coefficient * b.coefficient, a.base ? a.base : b.base, a.degree + b.degree};
    }
    case PrimOp::Pow: {
      const Inst& exponent = body_[inst.operands[1]];
      if (exponent.op != Opcode::Const || exponent.type != Type::Real)
        return atom;
      double n = exponent.constant.r;
      if (n != std::trunc(n) || n < 1 || n > kMaxHornerDegree)
        return atom;
      Monomial m = monomial(inst.operands[0], depth + 1);
      if (m.degree * n > kMaxHornerDegree)
        return atom;
      return {std::pow(m.coefficient, n), m.base, m.degree * static_cast<int>(n)};
    }
    default:
      return atom;
    }
  }

  // Sum `v` in Horner's form in its highest-degree base, or nothing when
  // that is not a polynomial of degree 2 or more.
  std::optional<ValueId> rewriteSum(Rewriter& r, ValueId v) const {
    std::vector<Term> terms;
    collectTerms(v, false, true, 0, terms);
    std::vector<Monomial> monomials;
    std::optional<ValueId> base;
    int degree = 0;
    for (const Term& term : terms) {
      Monomial m = monomial(term.value);
      if (term.negated)
        m.coefficient = -m.coefficient;
      if (m.base && m.degree > degree) {
        base = m.base;
        degree = m.degree;
      }
      monomials.push_back(m);
    }
    if (degree < 2)
      return std::nullopt;
    std::vector<double> coefficients(degree + 1, 0.0);
    std::vector<Term> others;
    for (size_t t = 0; t < terms.size(); ++t) {
      const Monomial& m = monomials[t];
      if (!m.base || m.base == base)
        coefficients[m.degree] += m.coefficient;
      else
        others.push_back(terms[t]);
    }
    while (degree > 0 && coefficients[degree] == 0.0)
      --degree;
    ValueId x = r.remap[*base];
    ValueId sum = r.constant(Scalar::ofReal(coefficients[degree]));
    for (int k = degree - 1; k >= 0; --k) {
      sum = r.prim(PrimOp::Mul, Type::Real, {sum, x});
      if (coefficients[k] != 0.0)
        sum = r.prim(PrimOp::Add, Type::Real, {sum, r.constant(Scalar::ofReal(coefficients[k]))});
    }
    for (const Term& other : others)
      sum = r.prim(other.negated ? PrimOp::Sub : PrimOp::Add, Type::Real, {sum, r.remap[other.value]});
    return sum;
  }

  const std::vector<Inst>& body_;
  ValueId result_;
  std::vector<uint32_t> uses_;
  std::vector<char> absorbed_; // its (last) user is a sum
};

} // namespace

bool evaluatePolynomialsInHornerForm(Function& fn) {
  if (fn.usesContext)
    return false;
  std::vector<Inst> body = std::move(fn.body);
  bool changed = HornerRewriter(body, fn.result).run(fn);
  eliminateDeadCode(fn);
  return changed;
}

void optimize(Module& module, const OptimizeOptions& options) {
  inlineCalls(module, options.inlineThreshold);
  for (Function& fn : module.functions) {
    rewrite(fn, /*fold=*/true, /*cse=*/true);
    eliminateDeadCode(fn);
  }
}

} // namespace findc::ir
