// The syntax tree of a Python hypothesis (the subset docs/python-frontend.md
// lists), shaped after CPython's `ast` module so that its dump can be
// compared with `ast.dump` node for node. Built by the Python front end's
// parser (PyParser.h) from ANTLR's parse tree (no ANTLR types here); read by
// type inference and lowering to the findc AST (PyLower.h). No types are
// stored here: inference keeps its results beside the tree.
#pragma once

#include "compiler/support/Diagnostics.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace findc::py {

// ---- expressions ----

enum class ExprKind {
  Constant, Name, Attribute, UnaryOp, BinOp, BoolOp, Compare, IfExp, Call, Subscript, Slice, List, Tuple, Dict,
  ListComp, GeneratorExp, Lambda, JoinedStr
};

struct Expr {
  Expr(ExprKind kind, SourceLoc loc, uint32_t length) : kind(kind), loc(loc), length(length) {}
  virtual ~Expr() = default;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  const ExprKind kind;
  SourceLoc loc;
  uint32_t length; // source columns covered when on one line, else 1
};
using ExprPtr = std::unique_ptr<Expr>;
using ExprList = std::vector<ExprPtr>;

template <typename T> T* dyn(Expr* e) { return e && e->kind == T::Kind ? static_cast<T*>(e) : nullptr; }
template <typename T> const T* dyn(const Expr* e) {
  return e && e->kind == T::Kind ? static_cast<const T*>(e) : nullptr;
}

// A literal: `None`, `True`/`False`, an int, a float, a string (adjacent
// literals concatenated, escapes decoded to UTF-8). CPython's ast has one
// node for all of them.
struct Constant : Expr {
  static constexpr ExprKind Kind = ExprKind::Constant;
  enum class Type : uint8_t { None, Bool, Int, Float, Str, Complex };
  Constant(SourceLoc loc, uint32_t length, Type type) : Expr(Kind, loc, length), type(type) {}
  Type type;
  bool boolValue = false;
  // An int literal: its decimal digits (Python ints are unbounded; the
  // lowering decides what fits), `0x..`/`0o..`/`0b..` already converted, and
  // the value when it fits in int64.
  std::string intDigits;
  std::optional<int64_t> intValue;
  double floatValue = 0; // Float, and the imaginary part of a Complex (`2j`)
  std::string strValue;  // Str
};

struct Name : Expr {
  static constexpr ExprKind Kind = ExprKind::Name;
  Name(SourceLoc loc, uint32_t length, std::string id) : Expr(Kind, loc, length), id(std::move(id)) {}
  std::string id;
};

// `value.attr`: a module member (`math.pi`, `np.sqrt`) or a method (`s.lower`).
struct Attribute : Expr {
  static constexpr ExprKind Kind = ExprKind::Attribute;
  Attribute(SourceLoc loc, uint32_t length, ExprPtr value, std::string attr, SourceLoc attrLoc)
      : Expr(Kind, loc, length), value(std::move(value)), attr(std::move(attr)), attrLoc(attrLoc) {}
  ExprPtr value;
  std::string attr;
  SourceLoc attrLoc;
};

enum class UnaryOperator : uint8_t { UAdd, USub, Not, Invert };
enum class Operator : uint8_t { Add, Sub, Mult, Div, FloorDiv, Mod, Pow, MatMult, LShift, RShift, BitOr, BitXor, BitAnd };
enum class BoolOperator : uint8_t { And, Or };
enum class CmpOperator : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// CPython's names for the operators, as `ast.dump` prints them ("USub",
// "Add", "And", "LtE", ...), and their source spellings ("-", "+", "and",
// "<=", ...).
std::string_view astName(UnaryOperator op);
std::string_view astName(Operator op);
std::string_view astName(BoolOperator op);
std::string_view astName(CmpOperator op);
std::string_view spelling(UnaryOperator op);
std::string_view spelling(Operator op);
std::string_view spelling(BoolOperator op);
std::string_view spelling(CmpOperator op);
// The operator spelled `text` in source ("//", "not in", "is not"), if any.
std::optional<UnaryOperator> unaryOperatorSpelled(std::string_view text);
std::optional<Operator> operatorSpelled(std::string_view text);
std::optional<CmpOperator> cmpOperatorSpelled(std::string_view text);

struct UnaryOp : Expr {
  static constexpr ExprKind Kind = ExprKind::UnaryOp;
  UnaryOp(SourceLoc loc, uint32_t length, UnaryOperator op, ExprPtr operand)
      : Expr(Kind, loc, length), op(op), operand(std::move(operand)) {}
  UnaryOperator op;
  ExprPtr operand;
};

struct BinOp : Expr {
  static constexpr ExprKind Kind = ExprKind::BinOp;
  BinOp(SourceLoc loc, uint32_t length, ExprPtr left, Operator op, SourceLoc opLoc, ExprPtr right)
      : Expr(Kind, loc, length), left(std::move(left)), op(op), opLoc(opLoc), right(std::move(right)) {}
  ExprPtr left;
  Operator op;
  SourceLoc opLoc;
  ExprPtr right;
};

// `a and b and c`: one node with every operand, as CPython.
struct BoolOp : Expr {
  static constexpr ExprKind Kind = ExprKind::BoolOp;
  BoolOp(SourceLoc loc, uint32_t length, BoolOperator op) : Expr(Kind, loc, length), op(op) {}
  BoolOperator op;
  ExprList values;
};

// `a < b <= c`: left, then one (op, comparator) per comparison.
struct Compare : Expr {
  static constexpr ExprKind Kind = ExprKind::Compare;
  Compare(SourceLoc loc, uint32_t length, ExprPtr left) : Expr(Kind, loc, length), left(std::move(left)) {}
  ExprPtr left;
  std::vector<CmpOperator> ops;
  std::vector<SourceLoc> opLocs;
  ExprList comparators;
};

// `body if test else orelse`.
struct IfExp : Expr {
  static constexpr ExprKind Kind = ExprKind::IfExp;
  IfExp(SourceLoc loc, uint32_t length, ExprPtr test, ExprPtr body, ExprPtr orelse)
      : Expr(Kind, loc, length), test(std::move(test)), body(std::move(body)), orelse(std::move(orelse)) {}
  ExprPtr test, body, orelse;
};

struct Keyword {
  std::string arg;
  SourceLoc loc;
  ExprPtr value;
};

struct Call : Expr {
  static constexpr ExprKind Kind = ExprKind::Call;
  Call(SourceLoc loc, uint32_t length, ExprPtr func) : Expr(Kind, loc, length), func(std::move(func)) {}
  ExprPtr func;
  ExprList args;
  std::vector<Keyword> keywords;
};

// `value[slice]`; `slice` is an expression, a Slice, or a Tuple of them.
struct Subscript : Expr {
  static constexpr ExprKind Kind = ExprKind::Subscript;
  Subscript(SourceLoc loc, uint32_t length, ExprPtr value, ExprPtr slice)
      : Expr(Kind, loc, length), value(std::move(value)), slice(std::move(slice)) {}
  ExprPtr value, slice;
};

// `lower:upper:step` inside a subscript; absent parts are null.
struct Slice : Expr {
  static constexpr ExprKind Kind = ExprKind::Slice;
  Slice(SourceLoc loc, uint32_t length) : Expr(Kind, loc, length) {}
  ExprPtr lower, upper, step;
};

struct List : Expr {
  static constexpr ExprKind Kind = ExprKind::List;
  List(SourceLoc loc, uint32_t length) : Expr(Kind, loc, length) {}
  ExprList elts;
};

struct Tuple : Expr {
  static constexpr ExprKind Kind = ExprKind::Tuple;
  Tuple(SourceLoc loc, uint32_t length) : Expr(Kind, loc, length) {}
  ExprList elts;
};

struct Dict : Expr {
  static constexpr ExprKind Kind = ExprKind::Dict;
  Dict(SourceLoc loc, uint32_t length) : Expr(Kind, loc, length) {}
  ExprList keys, values;
};

// `for target in iter if cond ...` inside a comprehension.
struct Comprehension {
  ExprPtr target; // a Name or a Tuple of Names
  ExprPtr iter;
  ExprList ifs;
};

struct ListComp : Expr {
  static constexpr ExprKind Kind = ExprKind::ListComp;
  ListComp(SourceLoc loc, uint32_t length, ExprPtr elt) : Expr(Kind, loc, length), elt(std::move(elt)) {}
  ExprPtr elt;
  std::vector<Comprehension> generators;
};

struct GeneratorExp : Expr {
  static constexpr ExprKind Kind = ExprKind::GeneratorExp;
  GeneratorExp(SourceLoc loc, uint32_t length, ExprPtr elt) : Expr(Kind, loc, length), elt(std::move(elt)) {}
  ExprPtr elt;
  std::vector<Comprehension> generators;
};

struct Arg {
  std::string name;
  SourceLoc loc;
  ExprPtr defaultValue; // may be null
};

// `lambda a, b=1: body`.
struct Lambda : Expr {
  static constexpr ExprKind Kind = ExprKind::Lambda;
  Lambda(SourceLoc loc, uint32_t length, ExprPtr body) : Expr(Kind, loc, length), body(std::move(body)) {}
  std::vector<Arg> args;
  ExprPtr body;
};

// An f-string: its literal parts (Constant Str) and replacement fields (any
// expression; a field with a format spec or a conversion is a parse error).
struct JoinedStr : Expr {
  static constexpr ExprKind Kind = ExprKind::JoinedStr;
  JoinedStr(SourceLoc loc, uint32_t length) : Expr(Kind, loc, length) {}
  ExprList values;
};

// A deep copy of `e`, for the lowering's rewrites (`sum(X)` read as
// `sum(v for v in X)`). Each Name spelled `renamedFrom` is spelled
// `renamedTo` in the copy (a lambda's parameter as the item it is given);
// nothing is renamed when `renamedFrom` is empty.
ExprPtr clone(const Expr& e, std::string_view renamedFrom = {}, std::string_view renamedTo = {});

// ---- statements ----

enum class StmtKind {
  FunctionDef, Return, Assign, AugAssign, If, For, While, Break, Continue, Pass, ExprStmt, Try, Import, ImportFrom
};

struct Stmt {
  Stmt(StmtKind kind, SourceLoc loc) : kind(kind), loc(loc) {}
  virtual ~Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  const StmtKind kind;
  SourceLoc loc;
};
using StmtPtr = std::unique_ptr<Stmt>;
using StmtList = std::vector<StmtPtr>;

template <typename T> T* dyn(Stmt* s) { return s && s->kind == T::Kind ? static_cast<T*>(s) : nullptr; }
template <typename T> const T* dyn(const Stmt* s) {
  return s && s->kind == T::Kind ? static_cast<const T*>(s) : nullptr;
}

struct FunctionDef : Stmt {
  static constexpr StmtKind Kind = StmtKind::FunctionDef;
  FunctionDef(SourceLoc loc, std::string name, SourceLoc nameLoc)
      : Stmt(Kind, loc), name(std::move(name)), nameLoc(nameLoc) {}
  std::string name;
  SourceLoc nameLoc;
  std::vector<Arg> args;
  StmtList body; // a docstring stays in the body as an ExprStmt, as in CPython
};

struct Return : Stmt {
  static constexpr StmtKind Kind = StmtKind::Return;
  Return(SourceLoc loc, ExprPtr value) : Stmt(Kind, loc), value(std::move(value)) {}
  ExprPtr value; // null: `return`
};

// `a = b = value`; a target is a Name, a Tuple/List of targets, or a Subscript.
struct Assign : Stmt {
  static constexpr StmtKind Kind = StmtKind::Assign;
  Assign(SourceLoc loc, ExprPtr value) : Stmt(Kind, loc), value(std::move(value)) {}
  ExprList targets;
  ExprPtr value;
};

struct AugAssign : Stmt {
  static constexpr StmtKind Kind = StmtKind::AugAssign;
  AugAssign(SourceLoc loc, ExprPtr target, Operator op, SourceLoc opLoc, ExprPtr value)
      : Stmt(Kind, loc), target(std::move(target)), op(op), opLoc(opLoc), value(std::move(value)) {}
  ExprPtr target;
  Operator op;
  SourceLoc opLoc;
  ExprPtr value;
};

// `if test: body` with `elif` as a nested If alone in orelse, as CPython.
struct If : Stmt {
  static constexpr StmtKind Kind = StmtKind::If;
  If(SourceLoc loc, ExprPtr test) : Stmt(Kind, loc), test(std::move(test)) {}
  ExprPtr test;
  StmtList body, orelse;
};

struct For : Stmt {
  static constexpr StmtKind Kind = StmtKind::For;
  For(SourceLoc loc, ExprPtr target, ExprPtr iter) : Stmt(Kind, loc), target(std::move(target)), iter(std::move(iter)) {}
  ExprPtr target, iter;
  StmtList body, orelse;
};

struct While : Stmt {
  static constexpr StmtKind Kind = StmtKind::While;
  While(SourceLoc loc, ExprPtr test) : Stmt(Kind, loc), test(std::move(test)) {}
  ExprPtr test;
  StmtList body, orelse;
};

struct Break : Stmt {
  static constexpr StmtKind Kind = StmtKind::Break;
  explicit Break(SourceLoc loc) : Stmt(Kind, loc) {}
};

struct Continue : Stmt {
  static constexpr StmtKind Kind = StmtKind::Continue;
  explicit Continue(SourceLoc loc) : Stmt(Kind, loc) {}
};

struct Pass : Stmt {
  static constexpr StmtKind Kind = StmtKind::Pass;
  explicit Pass(SourceLoc loc) : Stmt(Kind, loc) {}
};

// An expression evaluated for its effect: a call, a docstring.
struct ExprStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::ExprStmt;
  ExprStmt(SourceLoc loc, ExprPtr value) : Stmt(Kind, loc), value(std::move(value)) {}
  ExprPtr value;
};

// `except [TYPE [as NAME]]:`; TYPE is a Name or a Tuple of Names.
struct ExceptHandler {
  SourceLoc loc;
  ExprPtr type; // null: a bare `except:`
  std::string name;
  StmtList body;
};

struct Try : Stmt {
  static constexpr StmtKind Kind = StmtKind::Try;
  explicit Try(SourceLoc loc) : Stmt(Kind, loc) {}
  StmtList body;
  std::vector<ExceptHandler> handlers;
  StmtList orelse, finalbody;
};

struct Alias {
  std::string name;   // a dotted module name (`scipy.special`) or a member
  std::string asname; // empty without `as`
  SourceLoc loc;
};

// `import a.b as c, d`
struct Import : Stmt {
  static constexpr StmtKind Kind = StmtKind::Import;
  explicit Import(SourceLoc loc) : Stmt(Kind, loc) {}
  std::vector<Alias> names;
};

// `from module import a as b, c` (`*` is a parse error)
struct ImportFrom : Stmt {
  static constexpr StmtKind Kind = StmtKind::ImportFrom;
  ImportFrom(SourceLoc loc, std::string module, SourceLoc moduleLoc)
      : Stmt(Kind, loc), module(std::move(module)), moduleLoc(moduleLoc) {}
  std::string module;
  SourceLoc moduleLoc;
  std::vector<Alias> names;
};

struct Module {
  const SourceFile* file = nullptr;
  StmtList body;
};

} // namespace findc::py
