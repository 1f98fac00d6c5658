#include "compiler/frontend/python/PyAST.h"

#include <algorithm>
#include <span>

namespace findc::py {
namespace {

// Each operator once, in its enum's order: CPython's ast name and its
// spelling in source.
struct OperatorNames {
  std::string_view ast;
  std::string_view source;
};

constexpr OperatorNames kUnary[] = {{"UAdd", "+"}, {"USub", "-"}, {"Not", "not"}, {"Invert", "~"}};
constexpr OperatorNames kBinary[] = {{"Add", "+"},     {"Sub", "-"},       {"Mult", "*"},     {"Div", "/"},
                                     {"FloorDiv", "//"}, {"Mod", "%"},     {"Pow", "**"},     {"MatMult", "@"},
                                     {"LShift", "<<"},  {"RShift", ">>"},  {"BitOr", "|"},    {"BitXor", "^"},
                                     {"BitAnd", "&"}};
constexpr OperatorNames kBool[] = {{"And", "and"}, {"Or", "or"}};
constexpr OperatorNames kCompare[] = {{"Eq", "=="}, {"NotEq", "!="}, {"Lt", "<"},      {"LtE", "<="},
                                      {"Gt", ">"},  {"GtE", ">="},   {"Is", "is"},     {"IsNot", "is not"},
                                      {"In", "in"}, {"NotIn", "not in"}};
static_assert(std::size(kUnary) == static_cast<size_t>(UnaryOperator::Invert) + 1);
static_assert(std::size(kBinary) == static_cast<size_t>(Operator::BitAnd) + 1);
static_assert(std::size(kBool) == static_cast<size_t>(BoolOperator::Or) + 1);
static_assert(std::size(kCompare) == static_cast<size_t>(CmpOperator::NotIn) + 1);

template <typename E> std::optional<E> spelled(std::span<const OperatorNames> table, std::string_view text) {
  for (size_t i = 0; i < table.size(); ++i)
    if (table[i].source == text)
      return static_cast<E>(i);
  return std::nullopt;
}

} // namespace

std::string_view astName(UnaryOperator op) { return kUnary[static_cast<size_t>(op)].ast; }
std::string_view astName(Operator op) { return kBinary[static_cast<size_t>(op)].ast; }
std::string_view astName(BoolOperator op) { return kBool[static_cast<size_t>(op)].ast; }
std::string_view astName(CmpOperator op) { return kCompare[static_cast<size_t>(op)].ast; }
std::string_view spelling(UnaryOperator op) { return kUnary[static_cast<size_t>(op)].source; }
std::string_view spelling(Operator op) { return kBinary[static_cast<size_t>(op)].source; }
std::string_view spelling(BoolOperator op) { return kBool[static_cast<size_t>(op)].source; }
std::string_view spelling(CmpOperator op) { return kCompare[static_cast<size_t>(op)].source; }

std::optional<UnaryOperator> unaryOperatorSpelled(std::string_view text) {
  return spelled<UnaryOperator>(kUnary, text);
}
std::optional<Operator> operatorSpelled(std::string_view text) { return spelled<Operator>(kBinary, text); }
std::optional<CmpOperator> cmpOperatorSpelled(std::string_view text) {
  return spelled<CmpOperator>(kCompare, text);
}

ExprPtr clone(const Expr& e, std::string_view from, std::string_view to) {
  auto copy = [&](const ExprPtr& x) { return x ? clone(*x, from, to) : nullptr; };
  auto copyAll = [&](const ExprList& xs) {
    ExprList out;
    for (const ExprPtr& x : xs)
      out.push_back(copy(x));
    return out;
  };
  auto copyComprehension = [&]<typename T>(const T& c) { // ListComp, GeneratorExp
    auto out = std::make_unique<T>(c.loc, c.length, copy(c.elt));
    for (const Comprehension& g : c.generators)
      out->generators.push_back({copy(g.target), copy(g.iter), copyAll(g.ifs)});
    return out;
  };
  auto copyArgs = [&](const std::vector<Arg>& args) {
    std::vector<Arg> out;
    for (const Arg& a : args)
      out.push_back({a.name, a.loc, copy(a.defaultValue)});
    return out;
  };
  switch (e.kind) {
  case ExprKind::Constant: {
    auto& c = static_cast<const Constant&>(e);
    auto out = std::make_unique<Constant>(c.loc, c.length, c.type);
    out->boolValue = c.boolValue;
    out->intDigits = c.intDigits;
    out->intValue = c.intValue;
    out->floatValue = c.floatValue;
    out->strValue = c.strValue;
    return out;
  }
  case ExprKind::Name: {
    auto& n = static_cast<const Name&>(e);
    return std::make_unique<Name>(n.loc, n.length, !from.empty() && n.id == from ? std::string(to) : n.id);
  }
  case ExprKind::Attribute: {
    auto& a = static_cast<const Attribute&>(e);
    return std::make_unique<Attribute>(a.loc, a.length, copy(a.value), a.attr, a.attrLoc);
  }
  case ExprKind::UnaryOp: {
    auto& u = static_cast<const UnaryOp&>(e);
    return std::make_unique<UnaryOp>(u.loc, u.length, u.op, copy(u.operand));
  }
  case ExprKind::BinOp: {
    auto& b = static_cast<const BinOp&>(e);
    return std::make_unique<BinOp>(b.loc, b.length, copy(b.left), b.op, b.opLoc, copy(b.right));
  }
  case ExprKind::BoolOp: {
    auto& b = static_cast<const BoolOp&>(e);
    auto out = std::make_unique<BoolOp>(b.loc, b.length, b.op);
    out->values = copyAll(b.values);
    return out;
  }
  case ExprKind::Compare: {
    auto& c = static_cast<const Compare&>(e);
    auto out = std::make_unique<Compare>(c.loc, c.length, copy(c.left));
    out->ops = c.ops;
    out->opLocs = c.opLocs;
    out->comparators = copyAll(c.comparators);
    return out;
  }
  case ExprKind::IfExp: {
    auto& i = static_cast<const IfExp&>(e);
    return std::make_unique<IfExp>(i.loc, i.length, copy(i.test), copy(i.body), copy(i.orelse));
  }
  case ExprKind::Call: {
    auto& c = static_cast<const Call&>(e);
    auto out = std::make_unique<Call>(c.loc, c.length, copy(c.func));
    out->args = copyAll(c.args);
    for (const Keyword& k : c.keywords)
      out->keywords.push_back({k.arg, k.loc, copy(k.value)});
    return out;
  }
  case ExprKind::Subscript: {
    auto& s = static_cast<const Subscript&>(e);
    return std::make_unique<Subscript>(s.loc, s.length, copy(s.value), copy(s.slice));
  }
  case ExprKind::Slice: {
    auto& s = static_cast<const Slice&>(e);
    auto out = std::make_unique<Slice>(s.loc, s.length);
    out->lower = copy(s.lower);
    out->upper = copy(s.upper);
    out->step = copy(s.step);
    return out;
  }
  case ExprKind::List: {
    auto out = std::make_unique<List>(e.loc, e.length);
    out->elts = copyAll(static_cast<const List&>(e).elts);
    return out;
  }
  case ExprKind::Tuple: {
    auto out = std::make_unique<Tuple>(e.loc, e.length);
    out->elts = copyAll(static_cast<const Tuple&>(e).elts);
    return out;
  }
  case ExprKind::Dict: {
    auto& d = static_cast<const Dict&>(e);
    auto out = std::make_unique<Dict>(d.loc, d.length);
    out->keys = copyAll(d.keys);
    out->values = copyAll(d.values);
    return out;
  }
  case ExprKind::ListComp: return copyComprehension(static_cast<const ListComp&>(e));
  case ExprKind::GeneratorExp: return copyComprehension(static_cast<const GeneratorExp&>(e));
  case ExprKind::Lambda: {
    auto& l = static_cast<const Lambda&>(e);
    auto out = std::make_unique<Lambda>(l.loc, l.length, copy(l.body));
    out->args = copyArgs(l.args);
    return out;
  }
  case ExprKind::JoinedStr: {
    auto out = std::make_unique<JoinedStr>(e.loc, e.length);
    out->values = copyAll(static_cast<const JoinedStr&>(e).values);
    return out;
  }
  }
  return nullptr;
}

} // namespace findc::py
