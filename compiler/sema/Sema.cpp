#include "compiler/sema/Sema.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>
#include <functional>
#include <map>
#include <numbers>
#include <optional>
#include <set>
#include <unordered_map>

namespace findc {
namespace {

using namespace ast;

// How a builtin function types its arguments.
enum class BuiltinShape {
  NotBuiltin,    // the op has no builtin (an operator, or internal)
  RealMath,      // real -> real (int promotes)
  RealMath2,     // real, real -> real
  Rounding,      // numeric -> real (floor, ceil, round, trunc)
  Preserving,    // numeric -> same (abs, sign)
  Extremum,      // numeric, numeric, ... -> common type (min, max)
  Where,         // bool, T, T -> T
  ToReal,        // real(x)
  ToInt,         // int(x)
};

struct Builtin {
  std::string_view name;
  BuiltinShape shape;
  PrimOp prim;
};

// One entry per primitive op, in PrimOp order; ops with no builtin have an
// empty name.
constexpr Builtin kBuiltins[] = {
#define PRIM(Name, Arity, Mnemonic, Spelling, Shape, ...) {Spelling, BuiltinShape::Shape, PrimOp::Name},
#include "runtime/PrimOps.def"
};

// Builtins that are runtime operations (strings, lists, maps, Python's
// numbers): each name has overloads, one runtime operation per operand-type
// list (rt::strOpInfo gives the types), tried in order.
struct StrBuiltin {
  std::string_view name;
  std::vector<rt::StrOp> overloads;
};

const std::vector<StrBuiltin>& strBuiltins() {
  using enum rt::StrOp;
  static const std::vector<StrBuiltin> table = {
      {"len", {StrLen, StrListLen, IntListLen, RealListLen, MapLen, StrIntMapLen, StrRealMapLen, IntStrMapLen,
               IntIntMapLen, IntRealMapLen}},
      {"lower", {StrLower}},
      {"upper", {StrUpper}},
      {"capitalize", {StrCapitalize}},
      {"strip", {StrStrip, StrStripChars}},
      {"lstrip", {StrLStrip, StrLStripChars}},
      {"rstrip", {StrRStrip, StrRStripChars}},
      {"isalpha", {StrIsAlpha}},
      {"isdigit", {StrIsDigit}},
      {"isspace", {StrIsSpace}},
      {"isupper", {StrIsUpper}},
      {"islower", {StrIsLower}},
      {"split", {StrSplitWhitespace, StrSplit}},
      {"join", {StrJoin}},
      {"sorted", {StrSortedChars, StrListSorted, IntListSorted, RealListSorted}},
      {"sorted_by", {StrListSortedByInt, StrListSortedByStr, StrListSortedByReal, IntListSortedByInt,
                     IntListSortedByStr, IntListSortedByReal, RealListSortedByInt, RealListSortedByStr,
                     RealListSortedByReal}},
      {"replace", {StrReplace}},
      {"find", {StrFind, StrFindIn}},
      {"rfind", {StrRFind, StrRFindIn}},
      {"index", {StrIndexOf, StrIndexIn}},
      {"rindex", {StrRIndex, StrRIndexIn}},
      {"count", {StrCount, StrCountIn}},
      {"title", {StrTitle}},
      {"swapcase", {StrSwapCase}},
      {"casefold", {StrCaseFold}},
      {"zfill", {StrZFill}},
      {"center", {StrCenter}},
      {"ljust", {StrLJust}},
      {"rjust", {StrRJust}},
      {"isalnum", {StrIsAlnum}},
      {"isdecimal", {StrIsDecimal}},
      {"isnumeric", {StrIsNumeric}},
      {"removeprefix", {StrRemovePrefix}},
      {"removesuffix", {StrRemoveSuffix}},
      {"startswith", {StrStartsWith}},
      {"endswith", {StrEndsWith}},
      {"ord", {StrOrd}},
      {"chr", {StrChr}},
      {"str", {StrFromInt, StrFromReal, StrFromBool, ComplexStr}},
      {"number_words", {StrNumberWords}},
      {"get", {MapGet, StrIntMapGet, StrRealMapGet, IntStrMapGet, IntIntMapGet, IntRealMapGet}},
      {"insert", {MapInsert, StrIntMapInsert, StrRealMapInsert, IntStrMapInsert, IntIntMapInsert, IntRealMapInsert}},
      {"keys", {MapKeys, StrIntMapKeys, StrRealMapKeys, IntStrMapKeys, IntIntMapKeys, IntRealMapKeys}},
      {"values", {MapValues, StrIntMapValues, StrRealMapValues, IntStrMapValues, IntIntMapValues, IntRealMapValues}},
      {"append", {StrListAppend, IntListAppend, RealListAppend}},
      {"py_div", {RealPyDiv}},
      {"py_pow", {IntPyPow, RealPyPowInt, RealPyPow}}, // an int exponent keeps the result real
      {"py_add", {IntPyAdd}},
      {"py_sub", {IntPySub}},
      {"py_mul", {IntPyMul}},
      {"py_mod", {IntPyMod, RealPyMod}},
      {"py_floordiv", {IntPyFloorDiv, RealPyFloorDiv}},
      {"py_int", {RealPyToInt, StrPyInt}},
      {"py_float", {StrPyFloat}},
      {"py_math", {RealPyMath}},
      {"py_math_overflow", {RealPyMathOverflow}},
      {"py_round", {RealPyRound}},
      {"py_math_pow", {RealPyMathPow}},
      {"py_hypot", {RealPyHypot, RealPyHypot3}},
      {"py_random", {PyRandom}},
      {"py_uniform", {PyUniform}},
      {"py_gauss", {PyGauss}},
      {"py_np_normal", {PyNpNormal}},
      {"py_randint", {PyRandInt}},
      {"py_raise", {PyRaise}},
      {"py_failed", {PyFailed}},
      {"py_catch", {PyCatch}},
      {"complex", {ComplexMake}},
      {"re", {ComplexRe}},
      {"im", {ComplexIm}},
      {"is_complex", {ComplexIsComplex}},
  };
  return table;
}

const StrBuiltin* findStrBuiltin(std::string_view name) {
  for (const StrBuiltin& b : strBuiltins())
    if (b.name == name)
      return &b;
  return nullptr;
}

std::string signature(const StrBuiltin& builtin, rt::StrOp op) {
  const rt::StrOpInfo& info = rt::strOpInfo(op);
  std::string text = std::string(builtin.name) + "(";
  for (unsigned i = 0; i < info.arity; ++i)
    text += (i ? ", " : "") + std::string(typeName(info.operands[i]));
  return text + ") -> " + std::string(typeName(info.result));
}

const Builtin* findBuiltin(std::string_view name) {
  for (const Builtin& b : kBuiltins)
    if (b.shape != BuiltinShape::NotBuiltin && b.name == name)
      return &b;
  return nullptr;
}

std::optional<Scalar> builtinConstant(std::string_view name) {
  if (name == "pi") return Scalar::ofReal(std::numbers::pi);
  if (name == "e") return Scalar::ofReal(std::numbers::e);
  if (name == "inf") return Scalar::ofReal(INFINITY);
  if (name == "nan") return Scalar::ofReal(NAN);
  return std::nullopt;
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }
std::string quoted(Type t) { return quoted(typeName(t)); }

// The type both operands convert to, or Error.
Type commonNumeric(Type a, Type b) {
  if (!isNumeric(a) || !isNumeric(b))
    return Type::Error;
  return (a == Type::Real || b == Type::Real) ? Type::Real : Type::Int;
}

// Numbers widen as Python's do: int to real, int or real to complex.
bool assignable(Type from, Type to) {
  return from == to || (from == Type::Int && to == Type::Real) || (isNumeric(from) && to == Type::Complex);
}

// A complex operand with a number or a complex one: Python's complex arithmetic.
bool complexPair(Type a, Type b) {
  return (a == Type::Complex || b == Type::Complex) && (a == Type::Complex || isNumeric(a)) &&
         (b == Type::Complex || isNumeric(b));
}

Scalar convertScalar(const Scalar& value, Type to) {
  if (value.type == to)
    return value;
  Scalar arg[] = {value};
  return evaluatePrim(to == Type::Real ? PrimOp::ToReal : PrimOp::ToInt, arg);
}

// A lexical scope chain of let bindings and parameters.
struct Scope {
  const Scope* parent = nullptr;
  std::map<std::string, Binding, std::less<>> names;

  const Binding* lookup(std::string_view name) const {
    for (const Scope* s = this; s; s = s->parent)
      if (auto it = s->names.find(name); it != s->names.end())
        return &it->second;
    return nullptr;
  }
};

class Sema {
public:
  Sema(Module& module, DiagnosticEngine& diags, const LibraryTable* libraries)
      : module_(module), file_(*module.file), diags_(diags), libraries_(libraries) {
    for (BenchDecl& bench : module_.benches)
      benches_.emplace(bench.function, &bench);
  }

  bool run() {
    unsigned before = diags_.errorCount();
    declareGlobals();
    for (auto& c : module_.constants)
      checkConst(*c);
    for (auto& f : module_.functions)
      resolveSignature(*f);
    for (auto& f : module_.functions)
      checkDefaults(*f);
    // In source order, so a bench's clause errors follow its body's.
    for (auto& f : module_.functions) {
      checkBody(*f);
      if (auto bench = benches_.find(f.get()); bench != benches_.end())
        checkClauses(*bench->second);
    }
    if (diags_.errorCount() == before && !module_.recursionAllowed)
      rejectRecursion();
    if (diags_.errorCount() == before && module_.recursionAllowed)
      markRecursion();
    if (diags_.errorCount() == before)
      limitCallDepth();
    return diags_.errorCount() == before;
  }

private:
  void error(SourceLoc loc, std::string message, uint32_t length = 1) {
    diags_.error(file_, loc, std::move(message), length);
  }
  void error(const Expr& e, std::string message) { error(e.loc, std::move(message), e.length); }

  // ---- module scope ----

  void declareGlobals() {
    std::map<std::string, SourceLoc, std::less<>> seen;
    auto declare = [&](const std::string& name, SourceLoc loc, std::string_view what) {
      bool builtinFunction = findBuiltin(name) || findStrBuiltin(name);
      if (module_.libraryName.empty() && (builtinFunction || builtinConstant(name))) {
        error(loc, quoted(name) + " is a builtin " + (builtinFunction ? "function" : "constant") +
                       "; choose another name for this " + std::string(what),
              static_cast<uint32_t>(name.size()));
        return false;
      }
      auto [it, inserted] = seen.emplace(name, loc);
      if (!inserted) {
        error(loc, "redefinition of " + quoted(name), static_cast<uint32_t>(name.size()));
        diags_.note(file_, it->second, "previous definition is here", static_cast<uint32_t>(name.size()));
        return false;
      }
      return true;
    };
    // In source order, so "previous definition" notes point backwards.
    std::vector<std::pair<SourceLoc, std::function<void()>>> decls;
    for (auto& c : module_.constants)
      decls.emplace_back(c->loc, [&, c = c.get()] {
        if (declare(c->name, c->loc, "constant"))
          constants_.emplace(c->name, c);
      });
    for (auto& f : module_.functions)
      decls.emplace_back(f->loc, [&, f = f.get()] {
        if (declare(f->name, f->loc, "function"))
          functions_.emplace(f->name, f);
      });
    std::stable_sort(decls.begin(), decls.end(), [](const auto& a, const auto& b) {
      return std::tie(a.first.line, a.first.column) < std::tie(b.first.line, b.first.column);
    });
    for (auto& [loc, run] : decls)
      run();
  }

  Type resolveType(const TypeRef& ref) {
    Type type = Type::Error;
    if (ref.name == "real") type = Type::Real;
    else if (ref.name == "int") type = Type::Int;
    else if (ref.name == "bool") type = Type::Bool;
    else if (ref.name == "str") type = Type::Str;
    else if (ref.name == "complex") type = Type::Complex;
    else if (ref.name == "list" || ref.name == "map") {
      std::vector<Type> args;
      for (const TypeRef& arg : ref.args)
        args.push_back(resolveType(arg));
      if (std::count(args.begin(), args.end(), Type::Error))
        return Type::Error;
      if (ref.name == "list" && args.size() == 1 && listOf(args[0]) != Type::Error)
        return listOf(args[0]);
      if (ref.name == "map" && args.size() == 2 && mapOf(args[0], args[1]) != Type::Error)
        return mapOf(args[0], args[1]);
      error(ref.loc, ref.name == "list" ? "lists are 'list[str]', 'list[int]' or 'list[real]'"
                                        : "maps are 'map[K, V]' with keys 'str' or 'int' and values 'str', 'int' or 'real'",
            static_cast<uint32_t>(ref.name.size()));
      return Type::Error;
    }
    if (type == Type::Error) {
      error(ref.loc, "unknown type " + quoted(ref.name) +
                         "; expected 'real', 'int', 'bool', 'str', 'complex', 'list[...]' or 'map[...]'",
            static_cast<uint32_t>(ref.name.size()));
      return Type::Error;
    }
    if (!ref.args.empty()) {
      error(ref.args.front().loc, "type " + quoted(ref.name) + " takes no type arguments");
      return Type::Error;
    }
    return type;
  }

  // Checks `e` against `to` (int promotes to real); reports a mismatch.
  void expectAssignable(const Expr& e, Type to, std::string_view context) {
    if (e.type == Type::Error || to == Type::Error || assignable(e.type, to))
      return;
    error(e, std::string(context) + " has type " + quoted(to) + " but the expression has type " + quoted(e.type));
  }

  void checkConst(ConstDecl& decl) {
    Scope scope;
    Type declared = decl.declaredType ? resolveType(*decl.declaredType) : Type::Error;
    checkingConstant_ = &decl;
    Type init = check(*decl.init, scope);
    checkingConstant_ = nullptr;
    decl.type = decl.declaredType ? declared : init;
    if (decl.declaredType)
      expectAssignable(*decl.init, declared, "constant " + quoted(decl.name));
    if (decl.type == Type::Error || init == Type::Error)
      return;
    if (decl.type == Type::Str) {
      if (init != Type::Str)
        return; // reported above
      if (auto text = foldText(*decl.init)) {
        decl.text = std::move(text);
        definedConstants_.insert(&decl);
      } else {
        error(*decl.init, "the value of constant " + quoted(decl.name) + " must be a string literal or a sum of them");
      }
      return;
    }
    if (isHandle(decl.type)) {
      error(*decl.init, "constants are numbers, bools or strings; " + quoted(decl.type) + " is not supported");
      return;
    }
    if (auto value = foldConstant(*decl.init))
      decl.value = convertScalar(*value, decl.type);
    else
      error(*decl.init, "the value of constant " + quoted(decl.name) + " must be a constant expression");
    definedConstants_.insert(&decl);
  }

  // Types first, for every function, so defaults and bodies see them all.
  void resolveSignature(FuncDecl& fn) {
    std::map<std::string, SourceLoc, std::less<>> seen;
    for (Param& p : fn.params) {
      p.type = resolveType(p.typeRef);
      if (auto [it, inserted] = seen.emplace(p.name, p.loc); !inserted)
        error(p.loc, "duplicate parameter " + quoted(p.name), static_cast<uint32_t>(p.name.size()));
    }
    if (fn.resultRef)
      fn.resultType = resolveType(*fn.resultRef);
  }

  void checkDefaults(FuncDecl& fn) {
    bool sawDefault = false;
    for (Param& p : fn.params) {
      if (p.defaultExpr) {
        sawDefault = true;
        Scope empty;
        checkingDefault_ = true;
        Type t = check(*p.defaultExpr, empty);
        checkingDefault_ = false;
        expectAssignable(*p.defaultExpr, p.type, "parameter " + quoted(p.name));
        if (t != Type::Error && p.type != Type::Error && assignable(t, p.type)) {
          if (auto value = foldConstant(*p.defaultExpr))
            p.defaultValue = convertScalar(*value, p.type);
          else
            error(*p.defaultExpr, "the default value of " + quoted(p.name) + " must be a constant expression");
        }
      } else if (sawDefault) {
        error(p.loc, "parameter " + quoted(p.name) + " without a default follows a parameter with one",
              static_cast<uint32_t>(p.name.size()));
      }
    }
  }

  void checkBody(FuncDecl& fn) {
    if (!checked_.insert(&fn).second)
      return;
    Scope scope;
    for (unsigned i = 0; i < fn.params.size(); ++i) {
      Binding b;
      b.kind = Binding::Kind::Param;
      b.paramIndex = i;
      scope.names[fn.params[i].name] = b;
    }
    const FuncDecl* outer = std::exchange(current_, &fn);
    if (fn.hasStatements()) {
      unsigned outerLoops = std::exchange(loopDepth_, 0);
      checkStatements(fn.statements, scope);
      loopDepth_ = outerLoops;
      current_ = outer;
      if (!alwaysReturns(fn.statements))
        error(fn.loc, "function " + quoted(fn.name) + " can reach its end without returning a value; end it with 'return'",
              static_cast<uint32_t>(fn.name.size()));
      return;
    }
    if (fn.resultRef)
      checkExpecting(*fn.body, scope, fn.resultType);
    else
      check(*fn.body, scope);
    current_ = outer;
    if (fn.resultRef) {
      expectAssignable(*fn.body, fn.resultType, "the result of " + quoted(fn.name));
      return;
    }
    // A bench's result type is its body's: int stays int, as FIND prints it,
    // unless NaN (outside an enforced domain) or a network can replace it.
    fn.resultType = fn.body->type;
    if (fn.params[0].type == Type::Str) // a string bench: any result, as FIND prints it
      return;
    const BenchDecl& bench = *benches_.at(&fn);
    if (fn.resultType == Type::Complex) {
      // A Python number (FIND's root of a negative x): effects add to it;
      // a NaN domain or a network would need a real.
      if ((bench.domain && !bench.domain->extrapolate) || bench.approx) {
        error(*fn.body, std::string("a bench whose result is 'complex' cannot have ") +
                            (bench.approx ? "an 'approx' clause" : "an enforced domain (write 'extrapolate')"));
        fn.resultType = Type::Error;
      }
      return;
    }
    if (fn.resultType == Type::Bool || isHandle(fn.resultType)) {
      error(*fn.body, "a bench computes a number, but this expression has type " + quoted(fn.resultType));
      fn.resultType = Type::Error;
    }
    if (fn.resultType == Type::Int && ((bench.domain && !bench.domain->extrapolate) || bench.approx))
      fn.resultType = Type::Real;
  }

  // ---- benchmark clauses ----

  // Folds a clause's number; clauses may use constants but not call functions.
  std::optional<double> clauseNumber(ClauseValue& v, std::string_view what) {
    Scope empty;
    checkingClause_ = true;
    Type t = check(*v.expr, empty);
    checkingClause_ = false;
    if (t == Type::Error)
      return std::nullopt;
    if (t == Type::Bool) {
      error(*v.expr, std::string(what) + " must be a number, not a 'bool'");
      return std::nullopt;
    }
    std::optional<Scalar> folded = foldConstant(*v.expr);
    if (!folded) {
      error(*v.expr, std::string(what) + " must be a constant expression");
      return std::nullopt;
    }
    v.value = convertScalar(*folded, Type::Real).r;
    return v.value;
  }

  void checkClauses(BenchDecl& bench) {
    const Param& input = bench.function->params[0];
    if (input.type != Type::Real && input.type != Type::Str && input.type != Type::Error) {
      error(input.typeRef.loc, "a bench's input is a 'real' (the default) or a 'str', not " + quoted(input.type),
            static_cast<uint32_t>(input.typeRef.name.size()));
      return;
    }
    if (input.type == Type::Str) {
      std::optional<SourceLoc> numeric = bench.domain ? std::optional(bench.domain->loc)
                                         : bench.noise ? std::optional(bench.noise->loc)
                                         : bench.corrupt ? std::optional(bench.corrupt->loc)
                                         : bench.approx ? std::optional(bench.approx->loc)
                                                        : std::nullopt;
      if (numeric)
        error(*numeric, "a bench of a string takes no domain, noise, corrupt or approx clause", 6);
      return;
    }
    // True when the value folded and satisfies `ok`.
    auto require = [&](ClauseValue& v, std::string_view what, auto ok, std::string_view rule) {
      std::optional<double> x = clauseNumber(v, what);
      if (x && !ok(*x))
        error(*v.expr, std::string(what) + " must be " + std::string(rule));
      return x && ok(*x);
    };
    auto finite = [](double x) { return std::isfinite(x); };
    auto nonNegative = [](double x) { return std::isfinite(x) && x >= 0; };
    if (bench.domain) {
      DomainClause& d = *bench.domain;
      auto notNan = [](double x) { return !std::isnan(x); };
      bool lo = require(d.lo, "the domain's lower end", notNan, "a number");
      bool hi = require(d.hi, "the domain's upper end", notNan, "a number");
      if (lo && hi && d.lo.value >= d.hi.value)
        error(d.loc, "the domain [" + formatG17(d.lo.value) + ", " + formatG17(d.hi.value) + "] is empty", 6);
    }
    if (bench.noise) {
      bool poisson = bench.noise->kind == rt::NoiseKind::Poisson;
      require(bench.noise->scale, poisson ? "the poisson rate" : "the noise scale",
              [&](double x) { return nonNegative(x) && (!poisson || x <= 100); },
              poisson ? "between 0 and 100" : "finite and not negative");
    }
    if (bench.corrupt) {
      CorruptClause& c = *bench.corrupt;
      bool a = require(c.a, "the corruption boundary", finite, "finite");
      if (c.region == rt::CorruptRegion::Inside) {
        bool b = require(c.b, "the corruption boundary", finite, "finite");
        if (a && b && c.a.value >= c.b.value)
          error(*c.b.expr, "the corrupted interval (" + formatG17(c.a.value) + ", " + formatG17(c.b.value) +
                               ") is empty");
      }
      require(c.mean, "the corruption mean", finite, "finite");
      require(c.scale, "the corruption scale", nonNegative, "finite and not negative");
    }
    if (bench.approx) {
      ApproxClause& a = *bench.approx;
      bool hidden = require(a.hidden, "the hidden width",
                            [](double x) { return x >= 1 && x <= 4096 && x == std::floor(x); },
                            "an integer from 1 to 4096");
      if (hidden && !a.weights.empty()) {
        for (ClauseValue& w : a.weights)
          require(w, "a weight", finite, "finite");
        size_t expected = 3 * static_cast<size_t>(a.hidden.value) + 1;
        if (a.weights.size() != expected)
          error(a.loc, "mlp(hidden = " + formatG17(a.hidden.value) + ") needs " + std::to_string(expected) +
                           " weights (w1, b1, w2: hidden each, then b2), but " + std::to_string(a.weights.size()) +
                           " are given", 6);
      }
      if (a.mse)
        require(*a.mse, "the fit's mse", nonNegative, "finite and not negative");
    }
  }

  // ---- expressions ----

  Type check(Expr& e, const Scope& scope) {
    e.type = checkImpl(e, scope);
    return e.type;
  }

  Type checkImpl(Expr& e, const Scope& scope) {
    Type hint = std::exchange(listHint_, Type::Error);
    switch (e.kind) {
    case ExprKind::IntLit: return Type::Int;
    case ExprKind::RealLit: return Type::Real;
    case ExprKind::BoolLit: return Type::Bool;
    case ExprKind::StrLit: return Type::Str;
    case ExprKind::ListLit: return checkList(static_cast<ListLit&>(e), scope, hint);
    case ExprKind::MapLit: return checkMap(static_cast<MapLit&>(e), scope, hint);
    case ExprKind::Index: return checkIndex(static_cast<Index&>(e), scope);
    case ExprKind::Slice: return checkSlice(static_cast<Slice&>(e), scope);
    case ExprKind::Name: return checkName(static_cast<NameRef&>(e), scope);
    case ExprKind::Unary: return checkUnary(static_cast<Unary&>(e), scope);
    case ExprKind::Binary: return checkBinary(static_cast<Binary&>(e), scope);
    case ExprKind::Compare: return checkCompare(static_cast<Compare&>(e), scope);
    case ExprKind::Conditional: return checkConditional(static_cast<Conditional&>(e), scope);
    case ExprKind::Call: return checkCall(static_cast<Call&>(e), scope);
    case ExprKind::Block: return checkBlock(static_cast<Block&>(e), scope);
    }
    return Type::Error;
  }

  // Checks `e` where a value of type `expected` goes: an empty `[]` takes
  // its element type from there.
  Type checkExpecting(Expr& e, const Scope& scope, Type expected) {
    if (isList(expected) || isMap(expected))
      listHint_ = expected;
    return check(e, scope);
  }

  // `{k: v, ...}`: one key type (str or int) and one value type (str, int
  // or real), from the first entry; an empty `{}` takes its type from where
  // it goes (map[str, str] where nothing says).
  Type checkMap(MapLit& m, const Scope& scope, Type hint) {
    if (m.keys.empty())
      return isMap(hint) ? hint : Type::StrMap;
    Type key = Type::Error, value = Type::Error;
    for (size_t i = 0; i < m.keys.size(); ++i) {
      Type k = check(*m.keys[i], scope), v = check(*m.values[i], scope);
      if (k == Type::Error || v == Type::Error)
        return Type::Error;
      if (i == 0 && mapOf(k, v) == Type::Error) {
        error(mapOf(k, Type::Str) == Type::Error ? *m.keys[i] : *m.values[i],
              "map keys are 'str' or 'int' and values 'str', 'int' or 'real', got " + quoted(mapOf(k, Type::Str) == Type::Error ? k : v));
        return Type::Error;
      }
      if (i == 0) {
        key = k;
        value = v;
      } else if (k != key || v != value) {
        error(k != key ? *m.keys[i] : *m.values[i], "map entries must have one type: " +
                                                       quoted(k != key ? key : value) + " and " + quoted(k != key ? k : v));
        return Type::Error;
      }
    }
    return mapOf(key, value);
  }

  Type checkList(ListLit& e, const Scope& scope, Type hint) {
    if (e.elements.empty()) {
      if (hint == Type::Error)
        error(e, "the type of an empty list is not known here; declare it, as in: var l: list[str] = []");
      return hint;
    }
    Type element = Type::Error;
    for (auto& item : e.elements) {
      Type t = check(*item, scope);
      if (t == Type::Error)
        return Type::Error;
      if (listOf(t) == Type::Error) {
        error(*item, "list elements are 'str', 'int' or 'real', got " + quoted(t));
        return Type::Error;
      }
      if (element != Type::Error && t != element) {
        error(*item, "list elements must have one type: " + quoted(element) + " and " + quoted(t));
        return Type::Error;
      }
      element = t;
    }
    return listOf(element);
  }

  bool expectInt(const Expr& e, std::string_view what) {
    if (e.type == Type::Int || e.type == Type::Error)
      return e.type == Type::Int;
    error(e, std::string(what) + " must be an 'int', got " + quoted(e.type));
    return false;
  }

  Type checkIndex(Index& e, const Scope& scope) {
    Type base = check(*e.base, scope);
    Type index = check(*e.index, scope);
    if (base == Type::Error || index == Type::Error)
      return Type::Error;
    if (isMap(base)) {
      if (index != mapKey(base)) {
        error(*e.index, "a map's key must be a " + quoted(mapKey(base)) + ", got " + quoted(index));
        return Type::Error;
      }
      return mapValue(base);
    }
    if (base != Type::Str && !isList(base)) {
      error(*e.base, "only strings, lists and maps can be indexed, not " + quoted(base));
      return Type::Error;
    }
    if (!expectInt(*e.index, "an index"))
      return Type::Error;
    return base == Type::Str ? Type::Str : listItem(base);
  }

  Type checkSlice(Slice& e, const Scope& scope) {
    Type base = check(*e.base, scope);
    bool ok = base != Type::Error;
    for (Expr* part : {e.lo.get(), e.hi.get(), e.step.get()})
      if (part) {
        check(*part, scope);
        ok &= expectInt(*part, "a slice bound");
      }
    if (ok && base != Type::Str && !isList(base)) {
      error(*e.base, "only strings and lists can be sliced, not " + quoted(base));
      return Type::Error;
    }
    return ok ? base : Type::Error;
  }

  // ---- statements ----

  // A block's scope: names are added as their statements are reached.
  struct BlockScope : Scope {
    explicit BlockScope(const Scope* outer) { parent = outer; }
  };

  void bindLocal(Scope& scope, const LetStmt& let) {
    Binding b;
    b.kind = Binding::Kind::Let;
    b.let = &let;
    scope.names[let.name] = b;
  }

  void checkStatements(StmtList& stmts, const Scope& outer) {
    BlockScope scope(&outer);
    for (auto& stmt : stmts)
      checkStatement(*stmt, scope);
  }

  void checkStatement(Stmt& stmt, Scope& scope) {
    switch (stmt.kind) {
    case StmtKind::Let: {
      LetStmt& let = *static_cast<LetStatement&>(stmt).let;
      Type declared = let.declaredType ? resolveType(*let.declaredType) : Type::Error;
      Type init = checkExpecting(*let.init, scope, declared);
      let.type = let.declaredType ? declared : init;
      if (let.declaredType)
        expectAssignable(*let.init, declared, quoted(let.name));
      bindLocal(scope, let);
      return;
    }
    case StmtKind::Assign: {
      auto& assign = static_cast<AssignStmt&>(stmt);
      const Binding* b = scope.lookup(assign.name);
      uint32_t length = static_cast<uint32_t>(assign.name.size());
      if (!b) {
        check(*assign.value, scope);
        error(stmt.loc, "unknown name " + quoted(assign.name) + "; declare it first with 'var'", length);
        return;
      }
      if (b->kind != Binding::Kind::Let || !b->let->mutableVar) {
        check(*assign.value, scope);
        std::string what = b->kind == Binding::Kind::Param ? "a parameter"
                           : b->let->init                 ? "declared with 'let'"
                                                          : "a loop variable";
        error(stmt.loc, "cannot assign to " + quoted(assign.name) + ": it is " + what +
                            (b->kind == Binding::Kind::Let && b->let->init ? "; use 'var' for a variable" : ""),
              length);
        return;
      }
      assign.target = b->let;
      Type target = b->let->type;
      Type value = checkExpecting(*assign.value, scope, target);
      if (value == Type::Error || target == Type::Error)
        return;
      if (!assign.compound) {
        expectAssignable(*assign.value, target, quoted(assign.name));
        return;
      }
      bool concat = assign.op == BinaryOp::Add && value == target && isHandle(target) && !isMap(target);
      Type common = commonNumeric(target, value);
      if (concat)
        assign.operandType = target;
      else if (common != Type::Error && common == target)
        assign.operandType = common;
      else
        error(*assign.value, "cannot apply '" + std::string(spelling(assign.op)) + "=' to " + quoted(target) +
                                 " and " + quoted(value));
      return;
    }
    case StmtKind::If: {
      auto& s = static_cast<IfStmt&>(stmt);
      for (auto& cond : s.conds)
        expectCondition(*cond, scope);
      for (auto& body : s.bodies)
        checkStatements(body, scope);
      return;
    }
    case StmtKind::For: {
      auto& s = static_cast<ForStmt&>(stmt);
      LetStmt& var = *s.var;
      if (auto* range = dyn<Call>(s.iterable.get()); range && range->callee == "range" && !scope.lookup("range")) {
        s.over = ForStmt::Over::Range;
        range->type = Type::Int;
        if (range->args.empty() || range->args.size() > 3)
          error(range->loc, "'range' takes 1 to 3 arguments", range->calleeLength);
        bool ok = true;
        for (Arg& a : range->args) {
          check(*a.value, scope);
          ok &= expectInt(*a.value, "a range bound");
        }
        if (ok && range->args.size() == 1)
          s.rangeStop = range->args[0].value.get();
        else if (ok && range->args.size() >= 2) {
          s.rangeStart = range->args[0].value.get();
          s.rangeStop = range->args[1].value.get();
          if (range->args.size() == 3)
            s.rangeStep = range->args[2].value.get();
        }
        var.type = Type::Int;
      } else {
        Type t = check(*s.iterable, scope);
        if (t == Type::Str) {
          s.over = ForStmt::Over::Str;
          var.type = Type::Str;
        } else if (isList(t)) {
          s.over = ForStmt::Over::List;
          var.type = listItem(t);
        } else if (t != Type::Error) {
          error(*s.iterable, "a 'for' loop iterates over a str, a list or range(...), not " + quoted(t));
        }
      }
      BlockScope inner(&scope);
      bindLocal(inner, var);
      ++loopDepth_;
      checkStatements(s.body, inner);
      --loopDepth_;
      return;
    }
    case StmtKind::While: {
      auto& s = static_cast<WhileStmt&>(stmt);
      expectCondition(*s.cond, scope);
      ++loopDepth_;
      checkStatements(s.body, scope);
      --loopDepth_;
      return;
    }
    case StmtKind::Return: {
      auto& s = static_cast<ReturnStmt&>(stmt);
      checkExpecting(*s.value, scope, current_->resultType);
      expectAssignable(*s.value, current_->resultType, "the result of " + quoted(current_->name));
      return;
    }
    case StmtKind::Break:
    case StmtKind::Continue:
      if (loopDepth_ == 0)
        error(stmt.loc, std::string("'") + (stmt.kind == StmtKind::Break ? "break" : "continue") +
                            "' outside a loop", stmt.kind == StmtKind::Break ? 5 : 8);
      return;
    }
  }

  void expectCondition(Expr& cond, const Scope& scope) {
    Type c = check(cond, scope);
    if (c != Type::Error && c != Type::Bool)
      error(cond, "condition must be bool, got " + quoted(c));
  }

  // Whether running `stmts` always ends in a `return`.
  static bool alwaysReturns(const StmtList& stmts) {
    for (const auto& stmt : stmts) {
      if (stmt->kind == StmtKind::Return)
        return true;
      if (auto* s = dyn<IfStmt>(stmt.get()); s && s->bodies.size() > s->conds.size() &&
                                              std::all_of(s->bodies.begin(), s->bodies.end(), alwaysReturns))
        return true;
    }
    return false;
  }

  Type checkName(NameRef& e, const Scope& scope) {
    if (const Binding* b = scope.lookup(e.name)) {
      e.binding = *b;
      if (b->kind == Binding::Kind::Param)
        return current_->params[b->paramIndex].type;
      return b->let->type;
    }
    if (auto it = constants_.find(e.name); it != constants_.end()) {
      const ConstDecl* c = it->second;
      if (!definedConstants_.count(c)) {
        if (c == checkingConstant_)
          error(e, "constant " + quoted(e.name) + " refers to itself");
        else if (checkingConstant_)
          error(e, "constant " + quoted(e.name) + " is used before its definition");
        else
          return Type::Error; // its own definition failed and was reported
        return Type::Error;
      }
      e.binding.kind = Binding::Kind::Const;
      e.binding.constant = c;
      return c->type;
    }
    if (auto value = builtinConstant(e.name)) {
      e.binding.kind = Binding::Kind::Builtin;
      e.binding.builtinValue = *value;
      return value->type;
    }
    if (functions_.count(e.name) || findBuiltin(e.name) || findStrBuiltin(e.name)) {
      error(e, quoted(e.name) + " is a function; call it as " + e.name + "(...)");
      return Type::Error;
    }
    error(e, "unknown name " + quoted(e.name));
    return Type::Error;
  }

  Type checkUnary(Unary& e, const Scope& scope) {
    Type t = check(*e.operand, scope);
    if (t == Type::Error)
      return t;
    if (e.op == UnaryOp::Not) {
      if (t != Type::Bool) {
        error(*e.operand, "operator 'not' expects a bool operand, got " + quoted(t));
        return Type::Error;
      }
      return Type::Bool;
    }
    if (t == Type::Complex)
      return t;
    if (!isNumeric(t)) {
      error(*e.operand, std::string("unary '") + (e.op == UnaryOp::Neg ? "-" : "+") +
                            "' expects a number, got " + quoted(t));
      return Type::Error;
    }
    return t;
  }

  Type checkBinary(Binary& e, const Scope& scope) {
    Type l = check(*e.lhs, scope);
    Type r = check(*e.rhs, scope);
    if (l == Type::Error || r == Type::Error)
      return Type::Error;
    std::string op(spelling(e.op));
    if (e.op == BinaryOp::And || e.op == BinaryOp::Or) {
      for (const Expr* side : {e.lhs.get(), e.rhs.get()})
        if (side->type != Type::Bool) {
          error(*side, "operator '" + op + "' expects bool operands, got " + quoted(side->type));
          return Type::Error;
        }
      e.operandType = Type::Bool;
      return Type::Bool;
    }
    if (e.op == BinaryOp::Add && l == r && isHandle(l) && !isMap(l) && l != Type::Complex) {
      e.strOp = l == Type::Str       ? rt::StrOp::StrConcat
                : l == Type::StrList ? rt::StrOp::StrListConcat
                : l == Type::IntList ? rt::StrOp::IntListConcat
                                     : rt::StrOp::RealListConcat;
      e.operandType = l;
      return l;
    }
    if (e.op == BinaryOp::Mul && ((l == Type::Str && r == Type::Int) || (l == Type::Int && r == Type::Str))) {
      e.strOp = rt::StrOp::StrRepeat;
      e.swapOperands = l == Type::Int;
      e.operandType = Type::Str;
      return Type::Str;
    }
    if (complexPair(l, r) && (e.op == BinaryOp::Add || e.op == BinaryOp::Sub || e.op == BinaryOp::Mul ||
                              e.op == BinaryOp::Div)) {
      using enum rt::StrOp;
      e.strOp = e.op == BinaryOp::Add ? ComplexAdd : e.op == BinaryOp::Sub ? ComplexSub
                : e.op == BinaryOp::Mul ? ComplexMul : ComplexDiv;
      e.operandType = Type::Complex;
      return Type::Complex;
    }
    Type common = commonNumeric(l, r);
    if (common == Type::Error) {
      if (isHandle(l) || isHandle(r)) {
        error(e.opLoc, "operator '" + op + "' does not apply to " + quoted(l) + " and " + quoted(r),
              static_cast<uint32_t>(op.size()));
        return Type::Error;
      }
      const Expr& bad = isNumeric(l) ? *e.rhs : *e.lhs;
      error(bad, "operator '" + op + "' expects numbers, got " + quoted(bad.type));
      return Type::Error;
    }
    // True division and powers are real, as in Python 3 (int ** int is real here).
    if (e.op == BinaryOp::Div || e.op == BinaryOp::Pow)
      common = Type::Real;
    e.operandType = common;
    return common;
  }

  Type checkCompare(Compare& e, const Scope& scope) {
    bool ok = true;
    for (auto& operand : e.operands)
      ok &= check(*operand, scope) != Type::Error;
    if (!ok)
      return Type::Error;
    for (size_t i = 0; i < e.ops.size(); ++i) {
      Type l = e.operands[i]->type, r = e.operands[i + 1]->type;
      Type common = commonNumeric(l, r);
      bool equality = e.ops[i] == CompareOp::Eq || e.ops[i] == CompareOp::Ne;
      bool membership = e.ops[i] == CompareOp::In || e.ops[i] == CompareOp::NotIn;
      if (membership) // `a in b`: the operand type recorded is the container's
        common = (l == Type::Str && (r == Type::Str || r == Type::StrList)) || (isList(r) && l == listItem(r)) ||
                         (isMap(r) && l == mapKey(r))
                     ? r
                     : Type::Error;
      else if (common == Type::Error && equality && l == r && (l == Type::Bool || isHandle(l)))
        common = l;
      else if (common == Type::Error && equality && complexPair(l, r))
        common = Type::Complex;
      else if (common == Type::Error && l == Type::Str && r == Type::Str)
        common = Type::Str; // ordering by code points
      if (common == Type::Error) {
        error(e.opLocs[i], "cannot compare " + quoted(l) + " with " + quoted(r) + " using '" +
                               std::string(spelling(e.ops[i])) + "'",
              static_cast<uint32_t>(spelling(e.ops[i]).size()));
        return Type::Error;
      }
      e.operandTypes.push_back(common);
    }
    return Type::Bool;
  }

  // The type two branches meet at, or Error after reporting.
  Type joinArms(const Expr& a, const Expr& b, std::string_view what) {
    if (a.type == Type::Error || b.type == Type::Error)
      return Type::Error;
    if (a.type == b.type)
      return a.type;
    if (complexPair(a.type, b.type))
      return Type::Complex;
    if (isHandle(a.type) || isHandle(b.type)) {
      error(b, std::string(what) + " have different types: " + quoted(a.type) + " and " + quoted(b.type));
      return Type::Error;
    }
    Type common = commonNumeric(a.type, b.type);
    if (common == Type::Error)
      error(b, std::string(what) + " have different types: " + quoted(a.type) + " and " + quoted(b.type));
    return common;
  }

  Type checkConditional(Conditional& e, const Scope& scope) {
    Type c = check(*e.cond, scope);
    check(*e.thenExpr, scope);
    check(*e.elseExpr, scope);
    if (c != Type::Error && c != Type::Bool)
      error(*e.cond, "condition must be bool, got " + quoted(c));
    return joinArms(*e.thenExpr, *e.elseExpr, "the branches");
  }

  Type checkBlock(Block& e, const Scope& scope) {
    // Each let opens a scope so later bindings see earlier ones.
    std::vector<std::unique_ptr<Scope>> scopes;
    const Scope* inner = &scope;
    for (auto& let : e.lets) {
      Type init = check(*let->init, *inner);
      let->type = init;
      if (let->declaredType) {
        Type declared = resolveType(*let->declaredType);
        expectAssignable(*let->init, declared, quoted(let->name));
        let->type = declared;
      }
      auto next = std::make_unique<Scope>();
      next->parent = inner;
      Binding b;
      b.kind = Binding::Kind::Let;
      b.let = let.get();
      next->names[let->name] = b;
      inner = next.get();
      scopes.push_back(std::move(next));
    }
    return check(*e.result, *inner);
  }

  // ---- calls ----

  Type checkCall(Call& e, const Scope& scope) {
    bool argsOk = true;
    for (Arg& a : e.args)
      argsOk &= check(*a.value, scope) != Type::Error;
    if (const Binding* b = scope.lookup(e.callee)) {
      (void)b;
      error(e.loc, quoted(e.callee) + " is not a function", e.calleeLength);
      return Type::Error;
    }
    if (size_t dot = e.callee.find('.'); dot != std::string::npos) {
      if (libraries_)
        if (auto it = libraries_->find(e.callee); it != libraries_->end())
          return checkUserCall(e, *it->second, argsOk);
      error(e.loc, "unknown function " + quoted(e.callee) + " in the standard library", e.calleeLength);
      return Type::Error;
    }
    // Inside a library, a name shared with a builtin means the builtin.
    if (!module_.libraryName.empty()) {
      if (const Builtin* builtin = findBuiltin(e.callee))
        return checkBuiltinCall(e, *builtin, argsOk);
      if (const StrBuiltin* builtin = findStrBuiltin(e.callee))
        return checkStrBuiltinCall(e, *builtin, argsOk);
    }
    if (auto it = functions_.find(e.callee); it != functions_.end())
      return checkUserCall(e, *it->second, argsOk);
    if (const Builtin* builtin = findBuiltin(e.callee))
      return checkBuiltinCall(e, *builtin, argsOk);
    if (const StrBuiltin* builtin = findStrBuiltin(e.callee))
      return checkStrBuiltinCall(e, *builtin, argsOk);
    if (e.callee == "range") {
      error(e.loc, "'range' is only allowed as what a 'for' loop iterates over", e.calleeLength);
      return Type::Error;
    }
    if (constants_.count(e.callee) || builtinConstant(e.callee)) {
      error(e.loc, quoted(e.callee) + " is a constant, not a function", e.calleeLength);
      return Type::Error;
    }
    error(e.loc, "unknown function " + quoted(e.callee), e.calleeLength);
    return Type::Error;
  }

  Type checkUserCall(Call& e, const FuncDecl& fn, bool argsOk) {
    if (checkingConstant_ || checkingDefault_ || checkingClause_) {
      std::string what = checkingConstant_ ? "a constant" : checkingDefault_ ? "a default value" : "a bench clause";
      error(e.loc, what + " cannot call the function " + quoted(fn.name), e.calleeLength);
      return Type::Error;
    }
    // A bench's result type comes from its body: check it first (a cycle is
    // reported by the recursion check).
    if (auto bench = benches_.find(&fn); bench != benches_.end() && !checked_.count(&fn))
      checkBody(*bench->second->function);
    if (current_)
      callees_[current_].push_back({&fn, &e});
    e.target.kind = CallTarget::Kind::Function;
    e.target.function = &fn;
    e.boundArgs.assign(fn.params.size(), nullptr);
    bool ok = argsOk;
    size_t positional = 0;
    bool sawNamed = false;
    for (Arg& a : e.args) {
      if (a.name.empty()) {
        if (sawNamed) {
          error(*a.value, "positional argument follows a named argument");
          ok = false;
          continue;
        }
        if (positional >= fn.params.size()) {
          error(*a.value, quoted(fn.name) + " takes " + std::to_string(fn.params.size()) + " argument" +
                              (fn.params.size() == 1 ? "" : "s") + " but " + std::to_string(e.args.size()) +
                              " were given");
          ok = false;
          break;
        }
        e.boundArgs[positional++] = a.value.get();
        continue;
      }
      sawNamed = true;
      size_t index = 0;
      while (index < fn.params.size() && fn.params[index].name != a.name)
        ++index;
      if (index == fn.params.size()) {
        error(a.nameLoc, quoted(fn.name) + " has no parameter named " + quoted(a.name),
              static_cast<uint32_t>(a.name.size()));
        ok = false;
      } else if (e.boundArgs[index]) {
        error(a.nameLoc, "parameter " + quoted(a.name) + " is given more than once",
              static_cast<uint32_t>(a.name.size()));
        ok = false;
      } else {
        e.boundArgs[index] = a.value.get();
      }
    }
    for (size_t i = 0; i < fn.params.size() && ok; ++i) {
      const Param& p = fn.params[i];
      if (!e.boundArgs[i] && !p.defaultExpr) {
        error(e.loc, "missing argument for parameter " + quoted(p.name) + " of " + quoted(fn.name),
              e.calleeLength);
        ok = false;
      } else if (e.boundArgs[i]) {
        expectAssignable(*e.boundArgs[i], p.type, "parameter " + quoted(p.name) + " of " + quoted(fn.name));
        ok &= e.boundArgs[i]->type == Type::Error || assignable(e.boundArgs[i]->type, p.type);
      }
    }
    return ok ? fn.resultType : Type::Error;
  }

  Type checkBuiltinCall(Call& e, const Builtin& builtin, bool argsOk) {
    if (!positionalOnly(e, builtin.name))
      return Type::Error;
    // min and max take any number of arguments from 2 (their op folds pairs).
    size_t want = builtin.shape == BuiltinShape::Extremum ? std::max<size_t>(2, e.args.size())
                                                          : primArity(builtin.prim);
    if (e.args.size() != want) {
      std::string expected = builtin.shape == BuiltinShape::Extremum ? "at least 2 arguments"
                             : want == 1 ? "1 argument"
                                         : std::to_string(want) + " arguments";
      error(e.loc, quoted(builtin.name) + " takes " + expected + " but " + std::to_string(e.args.size()) +
                       (e.args.size() == 1 ? " was" : " were") + " given",
            e.calleeLength);
      return Type::Error;
    }
    if (!argsOk)
      return Type::Error;
    e.target.kind = CallTarget::Kind::Prim;
    e.target.prim = builtin.prim;
    auto requireNumeric = [&](const Expr& arg) {
      if (isNumeric(arg.type))
        return true;
      error(arg, quoted(builtin.name) + " expects a number, got " + quoted(arg.type));
      return false;
    };
    switch (builtin.shape) {
    case BuiltinShape::RealMath:
    case BuiltinShape::RealMath2:
    case BuiltinShape::Rounding:
      for (const Arg& a : e.args)
        if (!requireNumeric(*a.value))
          return Type::Error;
      e.target.operandType = Type::Real;
      return Type::Real;
    case BuiltinShape::Preserving:
      if (builtin.prim == PrimOp::Abs && e.args[0].value->type == Type::Complex) {
        e.target.kind = CallTarget::Kind::Runtime; // abs(z): a real
        e.target.strOp = rt::StrOp::ComplexAbs;
        return Type::Real;
      }
      if (!requireNumeric(*e.args[0].value))
        return Type::Error;
      e.target.operandType = e.args[0].value->type;
      return e.target.operandType;
    case BuiltinShape::Extremum: {
      Type common = Type::Int;
      for (const Arg& a : e.args) {
        if (!requireNumeric(*a.value))
          return Type::Error;
        common = commonNumeric(common, a.value->type);
      }
      e.target.operandType = common;
      return common;
    }
    case BuiltinShape::Where: {
      const Expr& cond = *e.args[0].value;
      if (cond.type != Type::Bool) {
        error(cond, "the condition of 'where' must be bool, got " + quoted(cond.type));
        return Type::Error;
      }
      Type arms = joinArms(*e.args[1].value, *e.args[2].value, "the arms of 'where'");
      e.target.operandType = arms;
      return arms;
    }
    case BuiltinShape::ToReal:
    case BuiltinShape::ToInt:
      e.target.kind = CallTarget::Kind::Convert;
      e.target.operandType = builtin.shape == BuiltinShape::ToReal ? Type::Real : Type::Int;
      return e.target.operandType;
    case BuiltinShape::NotBuiltin: break;
    }
    return Type::Error;
  }

  // Builtins bind arguments by position only.
  bool positionalOnly(const Call& e, std::string_view builtin) {
    for (const Arg& a : e.args)
      if (!a.name.empty()) {
        error(a.nameLoc, "builtin " + quoted(builtin) + " takes no named arguments",
              static_cast<uint32_t>(a.name.size()));
        return false;
      }
    return true;
  }

  Type checkStrBuiltinCall(Call& e, const StrBuiltin& builtin, bool argsOk) {
    if (!positionalOnly(e, builtin.name))
      return Type::Error;
    if (!argsOk)
      return Type::Error;
    for (rt::StrOp op : builtin.overloads) {
      const rt::StrOpInfo& info = rt::strOpInfo(op);
      if (info.arity != e.args.size())
        continue;
      bool match = true;
      for (unsigned i = 0; i < info.arity; ++i)
        match &= assignable(e.args[i].value->type, info.operands[i]);
      if (!match)
        continue;
      e.target.kind = CallTarget::Kind::Runtime;
      e.target.strOp = op;
      return info.result;
    }
    std::string given;
    for (const Arg& a : e.args)
      given += (given.empty() ? "" : ", ") + std::string(typeName(a.value->type));
    std::string expected;
    for (rt::StrOp op : builtin.overloads)
      expected += (expected.empty() ? "" : " or ") + signature(builtin, op);
    error(e.loc, "no " + quoted(builtin.name) + " takes (" + given + "); expected " + expected, e.calleeLength);
    return Type::Error;
  }

  // ---- recursion ----

  void rejectRecursion() {
    enum class State { Unvisited, Active, Done };
    std::map<const FuncDecl*, State> state;
    std::vector<const FuncDecl*> stack;
    std::function<bool(const FuncDecl*)> visit = [&](const FuncDecl* fn) {
      state[fn] = State::Active;
      stack.push_back(fn);
      for (auto [callee, call] : callees_[fn]) {
        if (state[callee] == State::Active) {
          std::string cycle;
          auto start = std::find(stack.begin(), stack.end(), callee);
          for (auto it = start; it != stack.end(); ++it)
            cycle += (*it)->name + " -> ";
          cycle += callee->name;
          error(call->loc, "recursive call to " + quoted(callee->name) + " (" + cycle +
                               "); findc functions must not recurse",
                call->calleeLength);
          return false;
        }
        if (state[callee] == State::Unvisited && !visit(callee))
          return false;
      }
      stack.pop_back();
      state[fn] = State::Done;
      return true;
    };
    for (auto& fn : module_.functions)
      if (state[fn.get()] == State::Unvisited) {
        stack.clear();
        visit(fn.get());
        // A reported cycle leaves its functions active; they are done now.
        for (auto& [visited, s] : state)
          if (s == State::Active)
            s = State::Done;
      }
  }

  // Where recursion is allowed: the call graph's strongly connected
  // components (Tarjan's algorithm, without recursing: a chain of calls may
  // be as long as the file); each function of a component with a cycle is
  // recursive.
  void markRecursion() {
    std::map<const FuncDecl*, uint32_t> order, low;
    std::vector<const FuncDecl*> open; // visited, component not yet closed
    std::set<const FuncDecl*> isOpen;
    struct Frame {
      const FuncDecl* fn;
      size_t nextCall;
    };
    auto discover = [&](const FuncDecl* fn, std::vector<Frame>& frames) {
      order[fn] = low[fn] = static_cast<uint32_t>(order.size());
      open.push_back(fn);
      isOpen.insert(fn);
      frames.push_back({fn, 0});
    };
    for (auto& root : module_.functions) {
      if (order.count(root.get()))
        continue;
      std::vector<Frame> frames;
      discover(root.get(), frames);
      while (!frames.empty()) {
        const FuncDecl* fn = frames.back().fn;
        const auto& calls = callees_[fn];
        if (frames.back().nextCall < calls.size()) {
          const FuncDecl* callee = calls[frames.back().nextCall++].first;
          if (!order.count(callee))
            discover(callee, frames);
          else if (isOpen.count(callee))
            low[fn] = std::min(low[fn], order[callee]);
          continue;
        }
        frames.pop_back();
        if (!frames.empty())
          low[frames.back().fn] = std::min(low[frames.back().fn], low[fn]);
        if (low[fn] != order[fn])
          continue;
        // fn is the first of its component: close it.
        auto first = std::find(open.begin(), open.end(), fn);
        bool selfCall = std::any_of(calls.begin(), calls.end(), [&](const auto& call) { return call.first == fn; });
        bool cycle = open.end() - first > 1 || selfCall;
        for (auto member = first; member != open.end(); ++member) {
          isOpen.erase(*member);
          component_[*member] = fn;
          if (cycle) {
            recursive_.insert(*member);
            members_[fn].push_back(*member);
          }
        }
        open.erase(first, open.end());
      }
    }
    for (auto& fn : module_.functions)
      fn->recursive = recursive_.count(fn.get()) > 0;
  }

  // The functions of fn's recursive cycle, or fn alone.
  std::vector<const FuncDecl*> cycleOf(const FuncDecl* fn) const {
    if (auto root = component_.find(fn); root != component_.end())
      if (auto members = members_.find(root->second); members != members_.end())
        return members->second;
    return {fn};
  }

  // Whether a call from `caller` to `callee` stays in one recursive cycle.
  bool callWithinCycle(const FuncDecl* caller, const FuncDecl* callee) const {
    auto a = component_.find(caller), b = component_.find(callee);
    return recursive_.count(caller) && a != component_.end() && b != component_.end() && a->second == b->second;
  }

  // ---- call depth ----

  // Sets each function's callDepth and rejects a chain of more than
  // kMaxCallDepth nested calls, once, at the call on the deepest chain that
  // goes past the bound. A recursive cycle (markRecursion) counts as one
  // function, whose calls are those its members make out of it, so the calls
  // form a DAG and every stack holds at most kMaxCallDepth frames besides
  // those of recursive functions (which rt::maxRecursionDepth bounds at run
  // time). Depths are computed callees first, without recursing (a chain may
  // be as long as the file). Library functions come with their depth.
  void limitCallDepth() {
    using Edge = std::pair<const FuncDecl*, const Call*>;
    std::map<const FuncDecl*, uint32_t> depth;
    std::map<const FuncDecl*, Edge> deepest; // the first call on a deepest chain
    auto known = [&](const FuncDecl* fn) -> std::optional<uint32_t> {
      if (fn->library != module_.libraryName)
        return fn->callDepth;
      if (auto it = depth.find(fn); it != depth.end())
        return it->second;
      return std::nullopt;
    };
    for (auto& root : module_.functions) {
      std::vector<const FuncDecl*> pending = {root.get()};
      while (!pending.empty()) {
        const FuncDecl* fn = pending.back();
        if (known(fn)) {
          pending.pop_back();
          continue;
        }
        std::vector<Edge> calls;
        for (const FuncDecl* member : cycleOf(fn))
          for (const Edge& call : callees_[member])
            if (!callWithinCycle(member, call.first))
              calls.push_back(call);
        bool ready = true;
        for (const Edge& call : calls)
          if (!known(call.first)) {
            pending.push_back(call.first);
            ready = false;
          }
        if (!ready)
          continue;
        uint32_t d = 0;
        for (const Edge& call : calls)
          if (uint32_t through = *known(call.first) + 1; through > d) {
            d = through;
            deepest[fn] = call;
          }
        depth[fn] = d;
        pending.pop_back();
      }
    }
    const FuncDecl* top = nullptr;
    for (auto& fn : module_.functions) {
      fn->callDepth = depth.at(fn.get());
      if (!top || fn->callDepth > top->callDepth)
        top = fn.get();
    }
    if (!top || top->callDepth <= kMaxCallDepth)
      return;
    // Down the deepest chain to the call that goes past the bound (or to the
    // last call in this file, where the chain enters a library).
    std::vector<const FuncDecl*> chain = {top};
    Edge past = deepest.at(top);
    for (uint32_t calls = 1; calls <= kMaxCallDepth && deepest.count(past.first); ++calls) {
      chain.push_back(past.first);
      past = deepest.at(past.first);
    }
    chain.push_back(past.first);
    auto name = [&](const FuncDecl* fn) {
      return fn->library == module_.libraryName ? fn->name : fn->library + "." + fn->name;
    };
    // The first two and the last two functions of a long chain.
    std::string shown;
    for (size_t i = 0; i < chain.size(); ++i) {
      if (chain.size() > 4 && i == 2) {
        shown += " -> ...";
        i = chain.size() - 3;
        continue;
      }
      shown += (i ? " -> " : "") + name(chain[i]);
    }
    error(past.second->loc,
          "call chain too deep (over " + std::to_string(kMaxCallDepth) + " calls): " + shown,
          past.second->calleeLength);
  }

  // ---- constant folding ----

  std::optional<std::string> foldText(const Expr& e) {
    if (auto* lit = dyn<StrLit>(&e))
      return lit->value;
    if (auto* name = dyn<NameRef>(&e); name && name->binding.kind == Binding::Kind::Const)
      return name->binding.constant->text;
    if (auto* bin = dyn<Binary>(&e); bin && bin->strOp == rt::StrOp::StrConcat) {
      auto l = foldText(*bin->lhs), r = foldText(*bin->rhs);
      if (l && r)
        return *l + *r;
    }
    return std::nullopt;
  }

  std::optional<Scalar> foldConstant(const Expr& e) {
    std::map<const LetStmt*, Scalar> lets;
    return fold(e, lets);
  }

  static std::optional<Scalar> applyPrim(PrimOp op, std::vector<Scalar> args) {
    return evaluatePrim(op, args);
  }

  std::optional<Scalar> fold(const Expr& e, std::map<const LetStmt*, Scalar>& lets) {
    auto foldAs = [&](const Expr& sub, Type to) -> std::optional<Scalar> {
      auto v = fold(sub, lets);
      if (!v) return std::nullopt;
      return convertScalar(*v, to);
    };
    switch (e.kind) {
    case ExprKind::IntLit: return Scalar::ofInt(static_cast<const IntLit&>(e).value);
    case ExprKind::RealLit: return Scalar::ofReal(static_cast<const RealLit&>(e).value);
    case ExprKind::BoolLit: return Scalar::ofBool(static_cast<const BoolLit&>(e).value);
    case ExprKind::Name: {
      const Binding& b = static_cast<const NameRef&>(e).binding;
      if (b.kind == Binding::Kind::Const) return b.constant->value;
      if (b.kind == Binding::Kind::Builtin) return b.builtinValue;
      if (b.kind == Binding::Kind::Let)
        if (auto it = lets.find(b.let); it != lets.end()) return it->second;
      return std::nullopt;
    }
    case ExprKind::Unary: {
      const auto& u = static_cast<const Unary&>(e);
      auto v = fold(*u.operand, lets);
      if (!v || u.op == UnaryOp::Plus) return v;
      return applyPrim(u.op == UnaryOp::Neg ? PrimOp::Neg : PrimOp::Not, {*v});
    }
    case ExprKind::Binary: {
      const auto& b = static_cast<const Binary&>(e);
      auto l = foldAs(*b.lhs, b.operandType), r = foldAs(*b.rhs, b.operandType);
      if (!l || !r) return std::nullopt;
      return applyPrim(primOf(b.op), {*l, *r});
    }
    case ExprKind::Compare: {
      const auto& c = static_cast<const Compare&>(e);
      bool result = true;
      for (size_t i = 0; i < c.ops.size(); ++i) {
        auto l = foldAs(*c.operands[i], c.operandTypes[i]), r = foldAs(*c.operands[i + 1], c.operandTypes[i]);
        if (!l || !r) return std::nullopt;
        result = result && applyPrim(primOf(c.ops[i]), {*l, *r})->b;
      }
      return Scalar::ofBool(result);
    }
    case ExprKind::Conditional: {
      const auto& c = static_cast<const Conditional&>(e);
      auto cond = fold(*c.cond, lets);
      auto a = foldAs(*c.thenExpr, c.type), b = foldAs(*c.elseExpr, c.type);
      if (!cond || !a || !b) return std::nullopt;
      return cond->b ? a : b;
    }
    case ExprKind::Call: {
      const auto& call = static_cast<const Call&>(e);
      if (call.target.kind == CallTarget::Kind::Convert) {
        return foldAs(*call.args[0].value, call.target.operandType);
      }
      if (call.target.kind == CallTarget::Kind::Runtime) return foldRuntime(call, lets);
      if (call.target.kind != CallTarget::Kind::Prim) return std::nullopt;
      std::vector<Scalar> args;
      for (size_t i = 0; i < call.args.size(); ++i) {
        Type want = call.target.operandType;
        if (call.target.prim == PrimOp::Select && i == 0) want = Type::Bool;
        auto v = foldAs(*call.args[i].value, want);
        if (!v) return std::nullopt;
        args.push_back(*v);
      }
      if (primArity(call.target.prim) == 2 && args.size() > 2) { // min/max of many
        Scalar acc = args[0];
        for (size_t i = 1; i < args.size(); ++i) acc = *applyPrim(call.target.prim, {acc, args[i]});
        return acc;
      }
      return applyPrim(call.target.prim, args);
    }
    case ExprKind::Block: {
      const auto& block = static_cast<const Block&>(e);
      for (const auto& let : block.lets) {
        auto v = foldAs(*let->init, let->type);
        if (!v) return std::nullopt;
        lets[let.get()] = *v;
      }
      return fold(*block.result, lets);
    }
    case ExprKind::StrLit: case ExprKind::ListLit: case ExprKind::MapLit: case ExprKind::Index:
    case ExprKind::Slice:
      break; // not numbers: str constants fold through foldText
    }
    return std::nullopt;
  }

  // A runtime operation on numbers (a Python hypothesis's `N0 + 2` on ints is
  // int.py_add) folds by running it, as the interpreter does; one that raises
  // (an int overflow) does not fold.
  std::optional<Scalar> foldRuntime(const Call& call, std::map<const LetStmt*, Scalar>& lets) {
    const rt::StrOpInfo& info = rt::strOpInfo(call.target.strOp);
    auto number = [](Type t) { return t == Type::Int || t == Type::Real || t == Type::Bool; };
    if (!number(info.result) || call.args.size() != info.arity)
      return std::nullopt;
    std::vector<Scalar> args;
    for (size_t i = 0; i < call.args.size(); ++i) {
      if (!number(info.operands[i]))
        return std::nullopt;
      auto v = fold(*call.args[i].value, lets);
      if (!v)
        return std::nullopt;
      args.push_back(convertScalar(*v, info.operands[i]));
    }
    rt::Arena arena;
    rt::Context ctx{&arena};
    Scalar result = rt::applyStrOp(call.target.strOp, ctx, args);
    if (ctx.error != 0)
      return std::nullopt;
    return result;
  }

  Module& module_;
  const SourceFile& file_;
  DiagnosticEngine& diags_;
  std::map<std::string, ConstDecl*, std::less<>> constants_;
  std::map<std::string, FuncDecl*, std::less<>> functions_;
  std::set<const ConstDecl*> definedConstants_;
  const ConstDecl* checkingConstant_ = nullptr;
  bool checkingDefault_ = false;
  bool checkingClause_ = false;
  const LibraryTable* libraries_;
  std::map<const FuncDecl*, BenchDecl*> benches_; // by their functions
  std::set<const FuncDecl*> checked_;
  const FuncDecl* current_ = nullptr;
  unsigned loopDepth_ = 0; // loops around the statement being checked, in current_
  Type listHint_ = Type::Error; // what an empty `[]` being checked becomes
  std::map<const FuncDecl*, std::vector<std::pair<const FuncDecl*, const Call*>>> callees_;
  // markRecursion: each function's component (by its first function), and
  // the functions in a cycle.
  std::map<const FuncDecl*, const FuncDecl*> component_;
  std::set<const FuncDecl*> recursive_;
  std::map<const FuncDecl*, std::vector<const FuncDecl*>> members_; // of each cycle, by its first
};

} // namespace

bool analyzeModule(ast::Module& module, DiagnosticEngine& diags, const LibraryTable* libraries) {
  return Sema(module, diags, libraries).run();
}

std::vector<std::string_view> builtinFunctionNames() {
  std::vector<std::string_view> names;
  for (const Builtin& b : kBuiltins)
    names.push_back(b.name);
  return names;
}

std::vector<std::string_view> builtinConstantNames() { return {"pi", "e", "inf", "nan"}; }

} // namespace findc
