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

} // namespace findc::py
