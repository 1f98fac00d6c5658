// The abstract syntax tree of a .fnd module. Built by the front end from the
// parse tree (no ANTLR types here), decorated in place by semantic analysis
// (types, resolved names and calls, folded constants), read by IR generation.
#pragma once

#include "compiler/support/Diagnostics.h"
#include "runtime/PrimOps.h"
#include "runtime/Value.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace findc::ast {

struct TypeRef {
  std::string name;
  std::vector<TypeRef> args;
  SourceLoc loc;
};

enum class ExprKind { IntLit, RealLit, BoolLit, Name, Unary, Binary, Compare, Conditional, Call, Block };

struct Expr {
  explicit Expr(ExprKind kind, SourceLoc loc, uint32_t length) : kind(kind), loc(loc), length(length) {}
  virtual ~Expr() = default;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  const ExprKind kind;
  SourceLoc loc;
  uint32_t length; // source columns covered when on one line, else 1
  Type type = Type::Error; // set by Sema
};
using ExprPtr = std::unique_ptr<Expr>;

template <typename T> T* dyn(Expr* e) { return e && e->kind == T::Kind ? static_cast<T*>(e) : nullptr; }
template <typename T> const T* dyn(const Expr* e) {
  return e && e->kind == T::Kind ? static_cast<const T*>(e) : nullptr;
}

struct IntLit : Expr {
  static constexpr ExprKind Kind = ExprKind::IntLit;
  IntLit(SourceLoc loc, uint32_t length, int64_t value) : Expr(Kind, loc, length), value(value) {}
  int64_t value;
};

struct RealLit : Expr {
  static constexpr ExprKind Kind = ExprKind::RealLit;
  RealLit(SourceLoc loc, uint32_t length, double value) : Expr(Kind, loc, length), value(value) {}
  double value;
};

struct BoolLit : Expr {
  static constexpr ExprKind Kind = ExprKind::BoolLit;
  BoolLit(SourceLoc loc, uint32_t length, bool value) : Expr(Kind, loc, length), value(value) {}
  bool value;
};

struct LetStmt;
struct ConstDecl;

// What a name refers to, filled in by Sema.
struct Binding {
  enum class Kind { Unresolved, Param, Let, Const, Builtin } kind = Kind::Unresolved;
  unsigned paramIndex = 0;
  const LetStmt* let = nullptr;
  const ConstDecl* constant = nullptr;
  Scalar builtinValue; // pi, e, inf, nan
};

struct NameRef : Expr {
  static constexpr ExprKind Kind = ExprKind::Name;
  NameRef(SourceLoc loc, uint32_t length, std::string name) : Expr(Kind, loc, length), name(std::move(name)) {}
  std::string name;
  Binding binding;
};

enum class UnaryOp { Neg, Plus, Not };

struct Unary : Expr {
  static constexpr ExprKind Kind = ExprKind::Unary;
  Unary(SourceLoc loc, uint32_t length, UnaryOp op, ExprPtr operand)
      : Expr(Kind, loc, length), op(op), operand(std::move(operand)) {}
  UnaryOp op;
  ExprPtr operand;
};

enum class BinaryOp { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, And, Or };
std::string_view spelling(BinaryOp op);

struct Binary : Expr {
  static constexpr ExprKind Kind = ExprKind::Binary;
  Binary(SourceLoc loc, uint32_t length, BinaryOp op, SourceLoc opLoc, ExprPtr lhs, ExprPtr rhs)
      : Expr(Kind, loc, length), op(op), opLoc(opLoc), lhs(std::move(lhs)), rhs(std::move(rhs)) {}
  BinaryOp op;
  SourceLoc opLoc;
  ExprPtr lhs, rhs;
  Type operandType = Type::Error; // both operands are converted to it (Sema)
};

enum class CompareOp { Lt, Le, Gt, Ge, Eq, Ne };
std::string_view spelling(CompareOp op);
PrimOp primOf(BinaryOp op);
PrimOp primOf(CompareOp op);

// `a < b <= c` means `a < b and b <= c`, with `b` evaluated once (Python).
struct Compare : Expr {
  static constexpr ExprKind Kind = ExprKind::Compare;
  Compare(SourceLoc loc, uint32_t length) : Expr(Kind, loc, length) {}
  std::vector<ExprPtr> operands;
  std::vector<CompareOp> ops;
  std::vector<SourceLoc> opLocs;
  std::vector<Type> operandTypes; // per comparison (Sema)
};

// Both `a if c else b` and `if c { a } else { b }`.
struct Conditional : Expr {
  static constexpr ExprKind Kind = ExprKind::Conditional;
  Conditional(SourceLoc loc, uint32_t length, ExprPtr cond, ExprPtr thenExpr, ExprPtr elseExpr)
      : Expr(Kind, loc, length), cond(std::move(cond)), thenExpr(std::move(thenExpr)),
        elseExpr(std::move(elseExpr)) {}
  ExprPtr cond, thenExpr, elseExpr;
};

struct Arg {
  std::string name; // empty for a positional argument
  SourceLoc nameLoc;
  ExprPtr value;
};

struct FuncDecl;

// What a call resolved to, filled in by Sema.
struct CallTarget {
  enum class Kind { Unresolved, Function, Prim, Convert } kind = Kind::Unresolved;
  const FuncDecl* function = nullptr;
  PrimOp prim = PrimOp::Add;
  Type operandType = Type::Error; // type the arguments are converted to (Prim)
};

struct Call : Expr {
  static constexpr ExprKind Kind = ExprKind::Call;
  Call(SourceLoc loc, uint32_t length, std::string callee, uint32_t calleeLength)
      : Expr(Kind, loc, length), callee(std::move(callee)), calleeLength(calleeLength) {}
  std::string callee;
  uint32_t calleeLength;
  std::vector<Arg> args;
  CallTarget target;
  // For user functions: one entry per parameter, the argument expression or
  // null where the parameter's default applies (Sema).
  std::vector<const Expr*> boundArgs;
};

struct LetStmt {
  std::string name;
  SourceLoc loc;
  std::optional<TypeRef> declaredType;
  ExprPtr init;
  Type type = Type::Error; // Sema
};

struct Block : Expr {
  static constexpr ExprKind Kind = ExprKind::Block;
  Block(SourceLoc loc, uint32_t length) : Expr(Kind, loc, length) {}
  std::vector<std::unique_ptr<LetStmt>> lets;
  ExprPtr result;
};

struct ConstDecl {
  std::string name;
  SourceLoc loc;
  std::string doc;
  std::optional<TypeRef> declaredType;
  ExprPtr init;
  Type type = Type::Error;
  std::optional<Scalar> value; // folded by Sema
};

struct Param {
  std::string name;
  SourceLoc loc;
  TypeRef typeRef;
  ExprPtr defaultExpr; // may be null
  Type type = Type::Error;
  std::optional<Scalar> defaultValue; // folded by Sema
};

struct FuncDecl {
  std::string name;
  SourceLoc loc;
  std::string doc;
  std::vector<Param> params;
  std::optional<TypeRef> resultRef; // none: the body's type (benches)
  std::string library;              // the library module it belongs to, if any
  Type resultType = Type::Error;
  ExprPtr body;
};

// ---- benchmark declarations ----

// A number written in a clause: any constant expression, folded by Sema.
struct ClauseValue {
  ExprPtr expr;
  double value = 0;
};

struct DomainClause {
  SourceLoc loc;
  ClauseValue lo, hi;
  bool extrapolate = false; // evaluate the expression outside the domain too
};

enum class NoiseKind { Normal, Uniform, Poisson };
struct NoiseClause {
  SourceLoc loc;
  NoiseKind kind = NoiseKind::Normal;
  ClauseValue scale;
};

enum class CorruptRegion { Below, Above, Inside };
struct CorruptClause {
  SourceLoc loc;
  CorruptRegion region = CorruptRegion::Below;
  ClauseValue a, b; // b only for Inside
  ClauseValue mean, scale;
};

struct ApproxClause {
  SourceLoc loc;
  ClauseValue hidden;
  std::vector<ClauseValue> weights; // empty until trained
  std::optional<ClauseValue> mse;
  // The byte offset where the clause ends (after its weights, if any), so
  // that `findc suite train` can write weights in place.
  size_t endOffset = 0;
};

// `bench NAME(x) = expr` plus clauses. `function` is the clean function; it
// is also in Module::functions, so it is checked and callable like any other.
struct BenchDecl {
  FuncDecl* function = nullptr;
  std::string category;
  std::optional<DomainClause> domain;
  std::optional<NoiseClause> noise;
  std::optional<CorruptClause> corrupt;
  std::optional<ApproxClause> approx;
};

struct Module {
  const SourceFile* file = nullptr;
  // Library modules (the stdlib) are called as `LIBRARY.NAME(...)`; inside
  // them, names shared with builtins mean the builtin.
  std::string libraryName;
  std::vector<std::unique_ptr<ConstDecl>> constants;
  std::vector<std::unique_ptr<FuncDecl>> functions;
  std::vector<BenchDecl> benches;
};

} // namespace findc::ast
