// The abstract syntax tree of a .fnd module. Built by the front end from the
// parse tree (no ANTLR types here), decorated in place by semantic analysis
// (types, resolved names and calls, folded constants), read by IR generation.
#pragma once

#include "compiler/support/Diagnostics.h"
#include "runtime/Bench.h"
#include "runtime/PrimOps.h"
#include "runtime/Strings.h"
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

enum class ExprKind {
  IntLit, RealLit, BoolLit, StrLit, Name, Unary, Binary, Compare, Conditional, Call, Block,
  ListLit, MapLit, Index, Slice
};

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

// A string literal, escapes decoded (UTF-8).
struct StrLit : Expr {
  static constexpr ExprKind Kind = ExprKind::StrLit;
  StrLit(SourceLoc loc, uint32_t length, std::string value) : Expr(Kind, loc, length), value(std::move(value)) {}
  std::string value;
};

// `[a, b]`: the element type comes from the elements or, for `[]`, from
// what the list is assigned to (Sema).
struct ListLit : Expr {
  static constexpr ExprKind Kind = ExprKind::ListLit;
  ListLit(SourceLoc loc, uint32_t length) : Expr(Kind, loc, length) {}
  std::vector<std::unique_ptr<Expr>> elements;
};

// `{"a": "b", ...}`: a map[str, str]; a repeated key keeps its first
// position and its last value, as in a Python dict display.
struct MapLit : Expr {
  static constexpr ExprKind Kind = ExprKind::MapLit;
  MapLit(SourceLoc loc, uint32_t length) : Expr(Kind, loc, length) {}
  std::vector<std::unique_ptr<Expr>> keys, values;
};

// `base[index]` on a str or a list, Python's negative indices included.
struct Index : Expr {
  static constexpr ExprKind Kind = ExprKind::Index;
  Index(SourceLoc loc, uint32_t length, std::unique_ptr<Expr> base, std::unique_ptr<Expr> index)
      : Expr(Kind, loc, length), base(std::move(base)), index(std::move(index)) {}
  std::unique_ptr<Expr> base, index;
};

// `base[lo:hi:step]` on a str; absent parts are null (Python's None).
struct Slice : Expr {
  static constexpr ExprKind Kind = ExprKind::Slice;
  Slice(SourceLoc loc, uint32_t length, std::unique_ptr<Expr> base) : Expr(Kind, loc, length), base(std::move(base)) {}
  std::unique_ptr<Expr> base, lo, hi, step;
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
std::string_view spelling(UnaryOp op);

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
  // `+` on strings or lists, `*` of a string and an int: a runtime
  // operation (its operands swapped for `n * s`).
  std::optional<rt::StrOp> strOp;
  bool swapOperands = false;
};

enum class CompareOp { Lt, Le, Gt, Ge, Eq, Ne, In, NotIn };
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
  enum class Kind { Unresolved, Function, Prim, Convert, Runtime } kind = Kind::Unresolved;
  const FuncDecl* function = nullptr;
  PrimOp prim = PrimOp::Add;
  rt::StrOp strOp = rt::StrOp::StrLen; // Runtime: a string/list/map operation
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

// A local: `let` (immutable), `var` (assignable) or a `for` variable.
struct LetStmt {
  std::string name;
  SourceLoc loc;
  std::optional<TypeRef> declaredType;
  ExprPtr init; // null for a for variable
  bool mutableVar = false;
  Type type = Type::Error; // Sema
};

struct Block : Expr {
  static constexpr ExprKind Kind = ExprKind::Block;
  Block(SourceLoc loc, uint32_t length) : Expr(Kind, loc, length) {}
  std::vector<std::unique_ptr<LetStmt>> lets;
  ExprPtr result;
};

// ---- statements (function bodies written as `{ ... }`) ----

enum class StmtKind { Let, Assign, If, For, While, Return, Break, Continue };

struct Stmt {
  Stmt(StmtKind kind, SourceLoc loc) : kind(kind), loc(loc) {}
  virtual ~Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  const StmtKind kind;
  SourceLoc loc;
};
using StmtList = std::vector<std::unique_ptr<Stmt>>;

template <typename T> const T* dyn(const Stmt* s) {
  return s && s->kind == T::Kind ? static_cast<const T*>(s) : nullptr;
}

struct LetStatement : Stmt {
  static constexpr StmtKind Kind = StmtKind::Let;
  LetStatement(SourceLoc loc, std::unique_ptr<LetStmt> let) : Stmt(Kind, loc), let(std::move(let)) {}
  std::unique_ptr<LetStmt> let;
};

// `x = e`, `x += e`, `x -= e` on a `var`.
struct AssignStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Assign;
  AssignStmt(SourceLoc loc, std::string name, BinaryOp op, bool compound, ExprPtr value)
      : Stmt(Kind, loc), name(std::move(name)), op(op), compound(compound), value(std::move(value)) {}
  std::string name;
  BinaryOp op;   // Add or Sub for a compound assignment
  bool compound; // `+=` / `-=`
  ExprPtr value;
  const LetStmt* target = nullptr; // Sema
  Type operandType = Type::Error;  // compound: what both sides convert to (Sema)
};

// if c0 { b0 } elif c1 { b1 } ... [else { bn }]
struct IfStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::If;
  explicit IfStmt(SourceLoc loc) : Stmt(Kind, loc) {}
  std::vector<ExprPtr> conds;
  std::vector<StmtList> bodies; // one per condition, plus the else body if any
};

// `for c in s`, `for x in list`, `for i in range(...)`.
struct ForStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::For;
  ForStmt(SourceLoc loc, std::unique_ptr<LetStmt> var, ExprPtr iterable)
      : Stmt(Kind, loc), var(std::move(var)), iterable(std::move(iterable)) {}
  std::unique_ptr<LetStmt> var;
  ExprPtr iterable;
  StmtList body;
  // Sema: what is iterated; for Range, the bounds (range(stop) has start 0).
  enum class Over { Str, List, Range } over = Over::Str;
  const Expr* rangeStart = nullptr; // null: 0
  const Expr* rangeStop = nullptr;
  const Expr* rangeStep = nullptr;  // null: 1
};

struct WhileStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::While;
  WhileStmt(SourceLoc loc, ExprPtr cond) : Stmt(Kind, loc), cond(std::move(cond)) {}
  ExprPtr cond;
  StmtList body;
};

struct ReturnStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Return;
  ReturnStmt(SourceLoc loc, ExprPtr value) : Stmt(Kind, loc), value(std::move(value)) {}
  ExprPtr value;
};

// `break` and `continue` of the innermost loop (Sema checks there is one).
struct BreakStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Break;
  explicit BreakStmt(SourceLoc loc) : Stmt(Kind, loc) {}
};

struct ContinueStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Continue;
  explicit ContinueStmt(SourceLoc loc) : Stmt(Kind, loc) {}
};

struct ConstDecl {
  std::string name;
  SourceLoc loc;
  std::string doc;
  std::optional<TypeRef> declaredType;
  ExprPtr init;
  Type type = Type::Error;
  std::optional<Scalar> value; // folded by Sema
  std::optional<std::string> text; // the folded value of a str constant
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
  // Sema: the most calls one evaluation of it nests (0: it calls no user or
  // library function).
  uint32_t callDepth = 0;
  // Sema: whether it calls itself, directly or through other functions
  // (only where the module allows recursion): each call of it is counted
  // against rt::maxRecursionDepth at run time.
  bool recursive = false;
  // `= expr`, or a `{ let ...; return expr }` body, is an expression; a body
  // with any other statement is a statement list (then `body` is null).
  ExprPtr body;
  StmtList statements;
  bool hasStatements() const { return !body; }
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

struct NoiseClause {
  SourceLoc loc;
  rt::NoiseKind kind = rt::NoiseKind::Normal;
  ClauseValue scale;
};

struct CorruptClause {
  SourceLoc loc;
  rt::CorruptRegion region = rt::CorruptRegion::Below;
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
  // Whether functions may call themselves (Python hypotheses, as Python
  // does; bounded at run time by rt::maxRecursionDepth). Otherwise recursion
  // is an error.
  bool recursionAllowed = false;
  std::vector<std::unique_ptr<ConstDecl>> constants;
  std::vector<std::unique_ptr<FuncDecl>> functions;
  std::vector<BenchDecl> benches;
};

} // namespace findc::ast
