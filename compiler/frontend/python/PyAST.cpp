#include "compiler/frontend/python/PyAST.h"

namespace findc::py {

std::string_view astName(UnaryOperator op) {
  switch (op) {
  case UnaryOperator::UAdd: return "UAdd";
  case UnaryOperator::USub: return "USub";
  case UnaryOperator::Not: return "Not";
  case UnaryOperator::Invert: return "Invert";
  }
  return "?";
}

std::string_view astName(Operator op) {
  switch (op) {
  case Operator::Add: return "Add";
  case Operator::Sub: return "Sub";
  case Operator::Mult: return "Mult";
  case Operator::Div: return "Div";
  case Operator::FloorDiv: return "FloorDiv";
  case Operator::Mod: return "Mod";
  case Operator::Pow: return "Pow";
  case Operator::MatMult: return "MatMult";
  case Operator::LShift: return "LShift";
  case Operator::RShift: return "RShift";
  case Operator::BitOr: return "BitOr";
  case Operator::BitXor: return "BitXor";
  case Operator::BitAnd: return "BitAnd";
  }
  return "?";
}

std::string_view astName(BoolOperator op) { return op == BoolOperator::And ? "And" : "Or"; }

std::string_view astName(CmpOperator op) {
  switch (op) {
  case CmpOperator::Eq: return "Eq";
  case CmpOperator::NotEq: return "NotEq";
  case CmpOperator::Lt: return "Lt";
  case CmpOperator::LtE: return "LtE";
  case CmpOperator::Gt: return "Gt";
  case CmpOperator::GtE: return "GtE";
  case CmpOperator::Is: return "Is";
  case CmpOperator::IsNot: return "IsNot";
  case CmpOperator::In: return "In";
  case CmpOperator::NotIn: return "NotIn";
  }
  return "?";
}

std::string_view spelling(UnaryOperator op) {
  switch (op) {
  case UnaryOperator::UAdd: return "+";
  case UnaryOperator::USub: return "-";
  case UnaryOperator::Not: return "not";
  case UnaryOperator::Invert: return "~";
  }
  return "?";
}

std::string_view spelling(Operator op) {
  switch (op) {
  case Operator::Add: return "+";
  case Operator::Sub: return "-";
  case Operator::Mult: return "*";
  case Operator::Div: return "/";
  case Operator::FloorDiv: return "//";
  case Operator::Mod: return "%";
  case Operator::Pow: return "**";
  case Operator::MatMult: return "@";
  case Operator::LShift: return "<<";
  case Operator::RShift: return ">>";
  case Operator::BitOr: return "|";
  case Operator::BitXor: return "^";
  case Operator::BitAnd: return "&";
  }
  return "?";
}

std::string_view spelling(BoolOperator op) { return op == BoolOperator::And ? "and" : "or"; }

std::string_view spelling(CmpOperator op) {
  switch (op) {
  case CmpOperator::Eq: return "==";
  case CmpOperator::NotEq: return "!=";
  case CmpOperator::Lt: return "<";
  case CmpOperator::LtE: return "<=";
  case CmpOperator::Gt: return ">";
  case CmpOperator::GtE: return ">=";
  case CmpOperator::Is: return "is";
  case CmpOperator::IsNot: return "is not";
  case CmpOperator::In: return "in";
  case CmpOperator::NotIn: return "not in";
  }
  return "?";
}

} // namespace findc::py
