#include "compiler/ast/AST.h"

namespace findc::ast {

std::string_view spelling(UnaryOp op) {
  switch (op) {
  case UnaryOp::Neg: return "-";
  case UnaryOp::Plus: return "+";
  case UnaryOp::Not: return "not";
  }
  return "?";
}

std::string_view spelling(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add: return "+";
  case BinaryOp::Sub: return "-";
  case BinaryOp::Mul: return "*";
  case BinaryOp::Div: return "/";
  case BinaryOp::FloorDiv: return "//";
  case BinaryOp::Mod: return "%";
  case BinaryOp::Pow: return "**";
  case BinaryOp::And: return "and";
  case BinaryOp::Or: return "or";
  }
  return "?";
}

std::string_view spelling(CompareOp op) {
  switch (op) {
  case CompareOp::Lt: return "<";
  case CompareOp::Le: return "<=";
  case CompareOp::Gt: return ">";
  case CompareOp::Ge: return ">=";
  case CompareOp::Eq: return "==";
  case CompareOp::Ne: return "!=";
  case CompareOp::In: return "in";
  case CompareOp::NotIn: return "not in";
  }
  return "?";
}

} // namespace findc::ast

namespace findc::ast {

PrimOp primOf(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add: return PrimOp::Add;
  case BinaryOp::Sub: return PrimOp::Sub;
  case BinaryOp::Mul: return PrimOp::Mul;
  case BinaryOp::Div: return PrimOp::Div;
  case BinaryOp::FloorDiv: return PrimOp::FloorDiv;
  case BinaryOp::Mod: return PrimOp::Mod;
  case BinaryOp::Pow: return PrimOp::Pow;
  case BinaryOp::And: return PrimOp::And;
  case BinaryOp::Or: return PrimOp::Or;
  }
  return PrimOp::Add;
}

PrimOp primOf(CompareOp op) {
  switch (op) {
  case CompareOp::Lt: return PrimOp::Lt;
  case CompareOp::Le: return PrimOp::Le;
  case CompareOp::Gt: return PrimOp::Gt;
  case CompareOp::Ge: return PrimOp::Ge;
  case CompareOp::Eq: return PrimOp::Eq;
  case CompareOp::Ne: return PrimOp::Ne;
  case CompareOp::In: case CompareOp::NotIn: break;
  }
  return PrimOp::Eq;
}

} // namespace findc::ast
