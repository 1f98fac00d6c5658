#include "compiler/frontend/python/PyLower.h"

#include "runtime/PyNumbers.h"
#include "runtime/Utf8.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <variant>
#include <utility>

namespace findc::py {
namespace {

// ---- Python's types, as inference sees them ----

// Unknown is "nothing assigned yet"; Conflict "two types that findc cannot
// hold in one variable" (a str and a float).
// EmptyList is `[]` before anything is appended: it joins with either list;
// EmptyDict is `{}` before anything is stored, and joins with any dict.
// Dicts have str or int keys and str, int or float values: StrDict is
// dict[str, str], StrIntDict dict[str, int], ..., IntFloatDict dict[int, float].
enum class PyType : uint8_t {
  Unknown, Bool, Int, Float, NpFloat, Complex, Str, StrList, IntList, FloatList, StrDict, EmptyList, Conflict,
  StrIntDict, StrFloatDict, IntStrDict, IntIntDict, IntFloatDict, EmptyDict
};

std::string_view pyTypeName(PyType t) {
  switch (t) {
  case PyType::Unknown: return "unknown";
  case PyType::Bool: return "bool";
  case PyType::Int: return "int";
  case PyType::Float: return "float";
  case PyType::NpFloat: return "numpy.float64";
  case PyType::Complex: return "complex";
  case PyType::Str: return "str";
  case PyType::StrList: return "list[str]";
  case PyType::IntList: return "list[int]";
  case PyType::FloatList: return "list[float]";
  case PyType::StrDict: return "dict[str, str]";
  case PyType::StrIntDict: return "dict[str, int]";
  case PyType::StrFloatDict: return "dict[str, float]";
  case PyType::IntStrDict: return "dict[int, str]";
  case PyType::IntIntDict: return "dict[int, int]";
  case PyType::IntFloatDict: return "dict[int, float]";
  case PyType::EmptyDict: return "dict";
  case PyType::EmptyList: return "list";
  case PyType::Conflict: return "conflict";
  }
  return "?";
}

bool isNumber(PyType t) {
  return t == PyType::Bool || t == PyType::Int || t == PyType::Float || t == PyType::NpFloat || t == PyType::Complex;
}
// Floats of either kind: findc's `real`.
bool isReal(PyType t) { return t == PyType::Float || t == PyType::NpFloat; }
bool isIntegral(PyType t) { return t == PyType::Int || t == PyType::Bool; }
bool isList(PyType t) { return t == PyType::StrList || t == PyType::IntList || t == PyType::FloatList; }
// The list of `item`s (Conflict for an item type findc's lists do not hold:
// a list of numpy.float64 or complex, or one mixing ints and floats).
PyType listOf(PyType item) {
  return item == PyType::Str ? PyType::StrList : item == PyType::Int ? PyType::IntList
         : item == PyType::Float ? PyType::FloatList : PyType::Conflict;
}
// What s[a:b:c] takes, giving a value of its own type.
bool isSliceable(PyType t) { return t == PyType::Str || isList(t); }
bool isDict(PyType t) { return t == PyType::StrDict || (t >= PyType::StrIntDict && t <= PyType::IntFloatDict); }
// A dict's key and value types (Conflict for other types).
PyType dictKey(PyType t) {
  return t == PyType::StrDict || t == PyType::StrIntDict || t == PyType::StrFloatDict ? PyType::Str
         : isDict(t)                                                                 ? PyType::Int
                                                                                     : PyType::Conflict;
}
PyType dictValue(PyType t) {
  switch (t) {
  case PyType::StrDict: case PyType::IntStrDict: return PyType::Str;
  case PyType::StrIntDict: case PyType::IntIntDict: return PyType::Int;
  case PyType::StrFloatDict: case PyType::IntFloatDict: return PyType::Float;
  default: return PyType::Conflict;
  }
}
// The dict of `key`s to `value`s (a bool key is the int it equals, as
// Python's d[True] is d[1]); Conflict for types findc's dicts do not hold
// (float keys; bool, complex, numpy.float64 or container values).
PyType dictOf(PyType key, PyType value) {
  if (key == PyType::Bool)
    key = PyType::Int;
  int v = value == PyType::Str ? 0 : value == PyType::Int ? 1 : value == PyType::Float ? 2 : -1;
  if (v < 0 || (key != PyType::Str && key != PyType::Int))
    return PyType::Conflict;
  constexpr PyType strKeyed[] = {PyType::StrDict, PyType::StrIntDict, PyType::StrFloatDict};
  constexpr PyType intKeyed[] = {PyType::IntStrDict, PyType::IntIntDict, PyType::IntFloatDict};
  return key == PyType::Str ? strKeyed[v] : intKeyed[v];
}
// Lists and dicts (empty ones too).
bool isContainer(PyType t) { return isList(t) || isDict(t) || t == PyType::EmptyList || t == PyType::EmptyDict; }
// What iterating a value goes over: a dict's keys (a list), else the value.
PyType iterated(PyType t) { return isDict(t) ? listOf(dictKey(t)) : t; }

// The type a variable holding both has: Python's numeric tower (bool < int
// < float < complex), NumPy's float64 absorbing ints and floats.
PyType join(PyType a, PyType b) {
  if (a == PyType::Unknown || a == b)
    return b;
  if (b == PyType::Unknown)
    return a;
  if (a == PyType::EmptyList && isList(b))
    return b;
  if (b == PyType::EmptyList && isList(a))
    return a;
  if ((a == PyType::EmptyDict && isDict(b)) || (b == PyType::EmptyDict && isDict(a)))
    return a == PyType::EmptyDict ? b : a;
  if (!isNumber(a) || !isNumber(b))
    return PyType::Conflict;
  for (PyType wider : {PyType::Complex, PyType::NpFloat, PyType::Float})
    if (a == wider || b == wider)
      return wider;
  return PyType::Int;
}

// findc's type for a Python type.
ast::TypeRef typeRefOf(PyType t, SourceLoc loc) {
  switch (t) {
  case PyType::Bool: return {"bool", {}, loc};
  case PyType::Int: return {"int", {}, loc};
  case PyType::Complex: return {"complex", {}, loc};
  case PyType::Str: return {"str", {}, loc};
  case PyType::StrList:
  case PyType::EmptyList: return {"list", {{"str", {}, loc}}, loc};
  case PyType::IntList: return {"list", {{"int", {}, loc}}, loc};
  case PyType::FloatList: return {"list", {{"real", {}, loc}}, loc};
  case PyType::StrDict:
  case PyType::EmptyDict:
  case PyType::StrIntDict:
  case PyType::StrFloatDict:
  case PyType::IntStrDict:
  case PyType::IntIntDict:
  case PyType::IntFloatDict: {
    bool empty = t == PyType::EmptyDict; // only ever `{}`: any map holds it
    auto ref = [&](PyType part) { return typeRefOf(empty ? PyType::Str : part, loc); };
    return {"map", {ref(dictKey(t)), ref(dictValue(t))}, loc};
  }
  default: return {"real", {}, loc};
  }
}

// ---- the Python callables findc knows, each once ----

enum class Form : uint8_t {
  Math1,         // math.f(x) = py_math(f(x), x): a float, ValueError for a domain error
  Math1Overflow, // math.f(x) = py_math_overflow(f(x), x): OverflowError past the range
  MathToInt,     // math.floor/ceil/trunc(x) = py_int(f(x)): an int
  Numpy1,        // np.f(x) = f(x): an np.float64, IEEE
  Numpy2,        // np.f(x, y) = f(x, y)
  Plain2,        // f(x, y) = f(x, y) on floats, never raising (math.atan2)
  StrMethod,     // s.f(args) = f(s, args), result `result`
  Special,       // handled by name in lowerSpecialCall
};

struct Callable {
  std::string_view name; // qualified: "math.sqrt", "numpy.sqrt", "abs", "str.lower"
  Form form;
  std::string_view dsl;  // the findc builtin
  PyType result = PyType::Unknown; // StrMethod
};

constexpr Callable kCallables[] = {
    {"math.sqrt", Form::Math1, "sqrt"},        {"math.log", Form::Special, "log"},
    {"math.log2", Form::Math1, "log2"},        {"math.log10", Form::Math1, "log10"},
    {"math.log1p", Form::Math1, "log1p"},      {"math.sin", Form::Math1, "sin"},
    {"math.cos", Form::Math1, "cos"},          {"math.tan", Form::Math1, "tan"},
    {"math.asin", Form::Math1, "asin"},        {"math.acos", Form::Math1, "acos"},
    {"math.atan", Form::Math1, "atan"},        {"math.tanh", Form::Math1, "tanh"},
    {"math.asinh", Form::Math1, "asinh"},      {"math.acosh", Form::Math1, "acosh"},
    {"math.atanh", Form::Math1, "atanh"},      {"math.erf", Form::Math1, "erf"},
    {"math.erfc", Form::Math1, "erfc"},        {"math.cbrt", Form::Math1, "cbrt"},
    {"math.fabs", Form::Math1, "abs"},         {"math.exp", Form::Math1Overflow, "exp"},
    {"math.expm1", Form::Math1Overflow, "expm1"}, {"math.exp2", Form::Math1Overflow, "exp2"},
    {"math.sinh", Form::Math1Overflow, "sinh"}, {"math.cosh", Form::Math1Overflow, "cosh"},
    {"math.floor", Form::MathToInt, "floor"},  {"math.ceil", Form::MathToInt, "ceil"},
    {"math.trunc", Form::MathToInt, "trunc"},  {"math.atan2", Form::Plain2, "atan2"},
    {"math.isnan", Form::Special, ""},         {"math.isinf", Form::Special, ""},
    {"math.isfinite", Form::Special, ""},      {"math.degrees", Form::Special, ""},
    {"math.radians", Form::Special, ""},       {"math.pow", Form::Special, ""},
    {"math.hypot", Form::Special, ""},
    {"numpy.sqrt", Form::Numpy1, "sqrt"},      {"numpy.exp", Form::Numpy1, "exp"},
    {"numpy.log", Form::Numpy1, "log"},        {"numpy.log2", Form::Numpy1, "log2"},
    {"numpy.log10", Form::Numpy1, "log10"},    {"numpy.log1p", Form::Numpy1, "log1p"},
    {"numpy.expm1", Form::Numpy1, "expm1"},    {"numpy.exp2", Form::Numpy1, "exp2"},
    {"numpy.sin", Form::Numpy1, "sin"},        {"numpy.cos", Form::Numpy1, "cos"},
    {"numpy.tan", Form::Numpy1, "tan"},        {"numpy.arcsin", Form::Numpy1, "asin"},
    {"numpy.arccos", Form::Numpy1, "acos"},    {"numpy.arctan", Form::Numpy1, "atan"},
    {"numpy.sinh", Form::Numpy1, "sinh"},      {"numpy.cosh", Form::Numpy1, "cosh"},
    {"numpy.tanh", Form::Numpy1, "tanh"},      {"numpy.arcsinh", Form::Numpy1, "asinh"},
    {"numpy.arccosh", Form::Numpy1, "acosh"},  {"numpy.arctanh", Form::Numpy1, "atanh"},
    {"numpy.abs", Form::Numpy1, "abs"},        {"numpy.absolute", Form::Numpy1, "abs"},
    {"numpy.fabs", Form::Numpy1, "abs"},       {"numpy.sign", Form::Numpy1, "sign"},
    {"numpy.floor", Form::Numpy1, "floor"},    {"numpy.ceil", Form::Numpy1, "ceil"},
    {"numpy.trunc", Form::Numpy1, "trunc"},    {"numpy.rint", Form::Numpy1, "round"},
    {"numpy.round", Form::Numpy1, "round"},    {"numpy.around", Form::Numpy1, "round"},
    {"numpy.cbrt", Form::Numpy1, "cbrt"},      {"numpy.float64", Form::Numpy1, "real"},
    {"numpy.arctan2", Form::Numpy2, "atan2"},  {"numpy.hypot", Form::Numpy2, "hypot"},
    {"numpy.heaviside", Form::Numpy2, "heaviside"}, {"numpy.minimum", Form::Numpy2, "min"},
    {"numpy.maximum", Form::Numpy2, "max"},    {"numpy.power", Form::Special, ""},
    {"numpy.square", Form::Special, ""},       {"numpy.where", Form::Special, ""},
    {"numpy.clip", Form::Special, ""},         {"scipy.special.erf", Form::Numpy1, "erf"},
    {"scipy.special.erfc", Form::Numpy1, "erfc"},
    {"abs", Form::Special, ""},   {"min", Form::Special, ""},   {"max", Form::Special, ""},
    {"int", Form::Special, ""},   {"float", Form::Special, ""}, {"round", Form::Special, ""},
    {"len", Form::Special, ""},   {"str", Form::Special, ""},   {"bool", Form::Special, ""},
    {"ord", Form::Special, ""},   {"chr", Form::Special, ""},   {"pow", Form::Special, ""},
    {"sum", Form::Special, ""},   {"any", Form::Special, ""},   {"all", Form::Special, ""},
    {"sorted", Form::Special, ""}, {"isinstance", Form::Special, ""}, {"reversed", Form::Special, ""},
    {"zip", Form::Special, ""},    {"enumerate", Form::Special, ""},
    {"str.lower", Form::StrMethod, "lower", PyType::Str},
    {"str.upper", Form::StrMethod, "upper", PyType::Str},
    {"str.capitalize", Form::StrMethod, "capitalize", PyType::Str},
    {"str.strip", Form::StrMethod, "strip", PyType::Str},
    {"str.lstrip", Form::StrMethod, "lstrip", PyType::Str},
    {"str.rstrip", Form::StrMethod, "rstrip", PyType::Str},
    {"str.isalpha", Form::StrMethod, "isalpha", PyType::Bool},
    {"str.isdigit", Form::StrMethod, "isdigit", PyType::Bool},
    {"str.isspace", Form::StrMethod, "isspace", PyType::Bool},
    {"str.isupper", Form::StrMethod, "isupper", PyType::Bool},
    {"str.islower", Form::StrMethod, "islower", PyType::Bool},
    {"str.split", Form::StrMethod, "split", PyType::StrList},
    {"str.join", Form::StrMethod, "join", PyType::Str},
    {"str.replace", Form::StrMethod, "replace", PyType::Str},
    {"str.find", Form::StrMethod, "find", PyType::Int},
    {"str.index", Form::StrMethod, "index", PyType::Int},
    {"str.count", Form::StrMethod, "count", PyType::Int},
    {"str.startswith", Form::StrMethod, "startswith", PyType::Bool},
    {"str.endswith", Form::StrMethod, "endswith", PyType::Bool},
    {"str.title", Form::StrMethod, "title", PyType::Str},
    {"str.swapcase", Form::StrMethod, "swapcase", PyType::Str},
    {"str.casefold", Form::StrMethod, "casefold", PyType::Str},
    {"str.zfill", Form::StrMethod, "zfill", PyType::Str},
    {"str.center", Form::StrMethod, "center", PyType::Str},
    {"str.ljust", Form::StrMethod, "ljust", PyType::Str},
    {"str.rjust", Form::StrMethod, "rjust", PyType::Str},
    {"str.rfind", Form::StrMethod, "rfind", PyType::Int},
    {"str.rindex", Form::StrMethod, "rindex", PyType::Int},
    {"str.isalnum", Form::StrMethod, "isalnum", PyType::Bool},
    {"str.isdecimal", Form::StrMethod, "isdecimal", PyType::Bool},
    {"str.isnumeric", Form::StrMethod, "isnumeric", PyType::Bool},
    {"str.removeprefix", Form::StrMethod, "removeprefix", PyType::Str},
    {"str.removesuffix", Form::StrMethod, "removesuffix", PyType::Str},
    {"dict", Form::Special, ""},       {"dict.get", Form::Special, ""}, {"dict.keys", Form::Special, ""},
    {"dict.values", Form::Special, ""}, {"dict.items", Form::Special, ""},
};

// Trailing arguments CPython defaults that findc's runtime operation takes
// explicitly: s.find(sub, start) is find(s, sub, start, INT64_MAX) (an end
// past the length clamps to it, as CPython's ADJUST_INDICES), s.center(w)
// is center(s, w, " ").
struct MethodDefault {
  std::string_view method;
  size_t whenGiven; // arguments written, after the receiver
  std::variant<int64_t, std::string_view> value;
};
constexpr MethodDefault kMethodDefaults[] = {
    {"str.find", 2, INT64_MAX},  {"str.rfind", 2, INT64_MAX},  {"str.index", 2, INT64_MAX},
    {"str.rindex", 2, INT64_MAX}, {"str.count", 2, INT64_MAX}, {"str.center", 1, " "},
    {"str.ljust", 1, " "},       {"str.rjust", 1, " "},
};

// Python's random and NumPy's scalar np.random functions: draws of the
// evaluation's own stream (StrOps.def, "Python's random"). Parameters by
// position or keyword; a parameter without a default is required.
struct RandomParam {
  std::string_view name;
  std::optional<double> defaultValue;
};
struct RandomFunction {
  std::string_view name;
  std::string_view dsl;
  std::array<RandomParam, 2> params; // unused slots have an empty name
  PyType result = PyType::Float;
};
const RandomFunction kRandomFunctions[] = {
    {"random.random", "py_random", {}},
    {"random.uniform", "py_uniform", {{{"a", {}}, {"b", {}}}}},
    {"random.gauss", "py_gauss", {{{"mu", 0.0}, {"sigma", 1.0}}}},
    {"random.normalvariate", "py_gauss", {{{"mu", 0.0}, {"sigma", 1.0}}}},
    {"random.randint", "py_randint", {{{"a", {}}, {"b", {}}}}, PyType::Int},
    {"numpy.random.normal", "py_np_normal", {{{"loc", 0.0}, {"scale", 1.0}}}},
    {"numpy.random.uniform", "py_uniform", {{{"low", 0.0}, {"high", 1.0}}}},
    {"numpy.random.rand", "py_random", {}},
    {"numpy.random.randn", "py_random", {}}, // lowered as py_gauss(0.0, 1.0)
};

const RandomFunction* findRandomFunction(std::string_view name) {
  for (const RandomFunction& f : kRandomFunctions)
    if (f.name == name)
      return &f;
  return nullptr;
}

const Callable* findCallable(std::string_view name) {
  for (const Callable& c : kCallables)
    if (c.name == name)
      return &c;
  return nullptr;
}

// Module members that are values: (qualified name, value).
constexpr std::pair<std::string_view, double> kConstants[] = {
    {"math.pi", 3.141592653589793},  {"math.e", 2.718281828459045}, {"math.tau", 6.283185307179586},
    {"math.inf", INFINITY},          {"math.nan", NAN},             {"numpy.pi", 3.141592653589793},
    {"numpy.e", 2.718281828459045},  {"numpy.inf", INFINITY},       {"numpy.nan", NAN},
};

// The modules a hypothesis may import.
constexpr std::string_view kModules[] = {"math", "numpy", "scipy", "scipy.special", "random"};

uint32_t width(std::string_view text) { return static_cast<uint32_t>(std::max<size_t>(1, rt::codePointCount(text))); }

// A lowered expression and its Python type.
struct Lowered {
  ast::ExprPtr expr;
  PyType type = PyType::Conflict;
  explicit operator bool() const { return expr != nullptr; }
};

// What inference knows of one reachable Python function.
struct FunctionInfo {
  const FunctionDef* def = nullptr;
  std::vector<PyType> params;
  std::vector<std::string> localOrder; // first assignment order
  std::map<std::string, PyType, std::less<>> locals;
  PyType result = PyType::Unknown;
  // Where a name (or "" for the result) first got a second, incompatible type.
  std::map<std::string, SourceLoc, std::less<>> conflictAt;
  // Locals assigned None (`v = None`): each has a flag beside its value
  // (noneFlag), read by `v is None`; see lowerMaybeNone.
  std::set<std::string, std::less<>> mayBeNone;
};

class Lowerer {
public:
  Lowerer(const Module& module, const SourceFile& file, const HypothesisOptions& options, DiagnosticEngine& diags)
      : module_(module), file_(file), options_(options), diags_(diags) {}

  std::unique_ptr<ast::Module> run() {
    readTopLevel();
    if (diags_.hasErrors())
      return nullptr;
    std::string entry = options_.entry;
    if (entry.empty()) {
      std::optional<std::string> found = entryByFindsRule(file_.text());
      if (!found) {
        diags_.error(file_, {1, 1}, "the hypothesis defines no function (FIND calls the function after the last 'def ')");
        return nullptr;
      }
      entry = *found;
    }
    auto it = defs_.find(entry);
    if (it == defs_.end()) {
      diags_.error(file_, {1, 1},
                   "no function '" + quotable(entry) + "' to call" +
                       (options_.entry.empty() ? " (FIND's rule: the name after the last 'def ' in the text)" : ""));
      return nullptr;
    }
    entry_ = it->second;
    if (!checkEntrySignature())
      return nullptr;
    infer();
    auto out = std::make_unique<ast::Module>();
    out->file = &file_;
    out->recursionAllowed = true; // as Python's, bounded at run time (RecursionError)
    for (const std::string& name : reachedOrder_)
      if (auto fn = lowerFunction(infos_.at(name)))
        out->functions.push_back(std::move(fn));
    for (auto& helper : helpers_)
      out->functions.push_back(std::move(helper));
    if (diags_.hasErrors())
      return nullptr;
    return out;
  }

private:
  // ---- diagnostics ----
  void error(SourceLoc loc, std::string message, uint32_t length = 1) {
    diags_.error(file_, loc, std::move(message), length);
  }
  void error(const Expr& e, std::string message) { error(e.loc, std::move(message), e.length); }
  void warning(SourceLoc loc, std::string message) {
    diags_.report({Severity::Warning, &file_, loc, 1, std::move(message)});
  }

  // ---- top level: imports, constants, functions, skipped statements ----
  void readTopLevel() {
    for (const StmtPtr& stmt : module_.body) {
      if (auto* import = dyn<Import>(stmt.get())) {
        for (const Alias& alias : import->names) {
          if (!allowedModule(alias.name, alias.loc))
            continue;
          if (!alias.asname.empty())
            modules_[alias.asname] = alias.name;
          else // `import scipy.special` binds `scipy`
            modules_[alias.name.substr(0, alias.name.find('.'))] = alias.name.substr(0, alias.name.find('.'));
        }
      } else if (auto* from = dyn<ImportFrom>(stmt.get())) {
        if (!allowedModule(from->module, from->moduleLoc))
          continue;
        for (const Alias& alias : from->names)
          members_[alias.asname.empty() ? alias.name : alias.asname] = from->module + "." + alias.name;
      } else if (auto* def = dyn<FunctionDef>(stmt.get())) {
        defs_[def->name] = def; // a later def of the same name replaces it, as in Python
      } else if (const Lambda* lambda = boundLambda(*stmt)) { // NAME = lambda ...: a def
        const Name& name = static_cast<const Name&>(*static_cast<const Assign&>(*stmt).targets[0]);
        defs_[name.id] = defOfLambda(name.id, name.loc, *lambda, {});
      } else if (auto* assign = dyn<Assign>(stmt.get()); assign && assign->targets.size() == 1 &&
                                                          dyn<Name>(assign->targets[0].get()) &&
                                                          isConstantExpr(*assign->value)) {
        constants_[dyn<Name>(assign->targets[0].get())->id] = assign->value.get();
      } else if (auto* e = dyn<ExprStmt>(stmt.get()); e && dyn<Constant>(e->value.get())) {
        // a docstring or a bare literal: nothing to run
      } else {
        warning(stmt->loc, "this top-level statement does not run in findc (only imports, constants and defs do)");
        collectBoundNames(*stmt, skippedNames_);
      }
    }
  }

  bool allowedModule(const std::string& name, SourceLoc loc) {
    if (std::find(std::begin(kModules), std::end(kModules), name) != std::end(kModules))
      return true;
    error(loc, "import of '" + quotable(name) + "' is not allowed in a hypothesis (findc allows math, numpy, "
                                                "scipy.special and random)",
          width(name));
    return false;
  }

  // Literals, names of other constants and module constants, and operators
  // on them: what can be inlined where read.
  bool isConstantExpr(const Expr& e) const {
    if (dyn<Constant>(&e))
      return true;
    if (auto* u = dyn<UnaryOp>(&e))
      return isConstantExpr(*u->operand);
    if (auto* b = dyn<BinOp>(&e))
      return isConstantExpr(*b->left) && isConstantExpr(*b->right);
    if (auto* n = dyn<Name>(&e))
      return constants_.count(n->id) || (members_.count(n->id) && moduleConstant(members_.at(n->id)));
    if (dyn<Attribute>(&e))
      return moduleConstant(dottedName(e).value_or("")).has_value();
    auto all = [&](const ExprList& items) {
      return std::all_of(items.begin(), items.end(), [&](const ExprPtr& x) { return x && isConstantExpr(*x); });
    };
    if (auto* l = dyn<List>(&e))
      return all(l->elts);
    if (auto* d = dyn<Dict>(&e))
      return all(d->keys) && all(d->values);
    return false;
  }

  static void collectBoundNames(const Stmt& stmt, std::set<std::string>& names) {
    auto target = [&](const Expr& e, auto& self) -> void {
      if (auto* n = dyn<Name>(&e))
        names.insert(n->id);
      else if (auto* t = dyn<Tuple>(&e))
        for (const ExprPtr& x : t->elts)
          self(*x, self);
      else if (auto* l = dyn<List>(&e))
        for (const ExprPtr& x : l->elts)
          self(*x, self);
    };
    if (auto* a = dyn<Assign>(&stmt))
      for (const ExprPtr& t : a->targets)
        target(*t, target);
    if (auto* a = dyn<AugAssign>(&stmt))
      target(*a->target, target);
    if (auto* f = dyn<For>(&stmt)) {
      target(*f->target, target);
      for (const StmtPtr& s : f->body)
        collectBoundNames(*s, names);
    }
    auto bodies = [&](const StmtList& list) {
      for (const StmtPtr& s : list)
        collectBoundNames(*s, names);
    };
    if (auto* i = dyn<If>(&stmt)) {
      bodies(i->body);
      bodies(i->orelse);
    }
    if (auto* w = dyn<While>(&stmt))
      bodies(w->body);
    if (auto* t = dyn<Try>(&stmt)) {
      bodies(t->body);
      for (const ExceptHandler& h : t->handlers)
        bodies(h.body);
      bodies(t->orelse);
    }
  }

  // `np.sqrt`, `scipy.special.erf`, `math.pi` through the imports: the
  // qualified name ("numpy.sqrt"); nothing for anything else.
  std::optional<std::string> dottedName(const Expr& e) const {
    if (auto* n = dyn<Name>(&e)) {
      if (auto m = modules_.find(n->id); m != modules_.end())
        return m->second;
      if (auto m = members_.find(n->id); m != members_.end())
        return m->second;
      return std::nullopt;
    }
    if (auto* a = dyn<Attribute>(&e))
      if (std::optional<std::string> base = dottedName(*a->value))
        return *base + "." + a->attr;
    return std::nullopt;
  }

  static std::optional<double> moduleConstant(std::string_view name) {
    for (auto [qualified, value] : kConstants)
      if (qualified == name)
        return value;
    return std::nullopt;
  }

  bool checkEntrySignature() {
    const FunctionDef& def = *entry_;
    if (def.args.empty()) {
      error(def.nameLoc, "the hypothesis '" + def.name + "' takes no argument; FIND calls it with one",
            width(def.name));
      return false;
    }
    for (size_t i = 1; i < def.args.size(); ++i)
      if (!def.args[i].defaultValue) {
        error(def.args[i].loc, "parameter '" + def.args[i].name + "' needs a default: FIND calls '" + def.name +
                                   "' with one argument",
              width(def.args[i].name));
        return false;
      }
    return true;
  }

  // ---- inference ----

  // Scope for typing: the function being inferred (or none at top level).
  FunctionInfo* current_ = nullptr;

  FunctionInfo& reach(const FunctionDef& def) {
    auto [it, inserted] = infos_.try_emplace(def.name);
    if (inserted) {
      it->second.def = &def;
      it->second.params.assign(def.args.size(), PyType::Unknown);
      reachedOrder_.push_back(def.name);
      changed_ = true;
    }
    return it->second;
  }

  void widen(PyType& slot, PyType t) {
    PyType joined = join(slot, t);
    if (joined != slot) {
      slot = joined;
      changed_ = true;
    }
  }

  void infer() {
    FunctionInfo& entry = reach(*entry_);
    widen(entry.params[0], options_.input == HypothesisOptions::Input::Str ? PyType::Str : PyType::Float);
    // Monotone over a finite lattice: a few rounds settle it.
    for (int round = 0; round < 64 && changed_; ++round) {
      changed_ = false;
      for (size_t i = 0; i < reachedOrder_.size(); ++i) {
        FunctionInfo& info = infos_.at(reachedOrder_[i]);
        for (size_t p = 0; p < info.def->args.size(); ++p)
          if (const Expr* d = info.def->args[p].defaultValue.get(); d && info.params[p] == PyType::Unknown)
            withFunction(nullptr, [&] { widen(info.params[p], typeOf(*d)); });
        withFunction(&info, [&] { inferBody(info.def->body, info); });
      }
    }
  }

  template <typename F> void withFunction(FunctionInfo* info, F f) {
    FunctionInfo* outer = std::exchange(current_, info);
    f();
    current_ = outer;
  }

  void assignType(FunctionInfo& info, const std::string& name, PyType t, SourceLoc loc) {
    if (!info.locals.count(name) && std::none_of(info.def->args.begin(), info.def->args.end(),
                                                 [&](const Arg& a) { return a.name == name; }))
      info.localOrder.push_back(name);
    PyType& slot = paramSlot(info, name) ? *paramSlot(info, name) : info.locals[name];
    widenAt(info, name, slot, t, loc);
  }

  void widenAt(FunctionInfo& info, const std::string& name, PyType& slot, PyType t, SourceLoc loc) {
    if (slot != PyType::Conflict && join(slot, t) == PyType::Conflict)
      info.conflictAt.try_emplace(name, loc);
    widen(slot, t);
  }

  PyType* paramSlot(FunctionInfo& info, std::string_view name) {
    for (size_t p = 0; p < info.def->args.size(); ++p)
      if (info.def->args[p].name == name)
        return &info.params[p];
    return nullptr;
  }

  void inferTarget(FunctionInfo& info, const Expr& target, const Expr* value, PyType valueType) {
    if (auto* n = dyn<Name>(&target)) {
      assignType(info, n->id, valueType, target.loc);
      return;
    }
    if (const Name* dict = storedDict(target)) {
      PyType key = typeOf(*static_cast<const Subscript&>(target).slice);
      if (key != PyType::Unknown && valueType != PyType::Unknown) // else a later round knows
        assignType(info, dict->id, dictOf(key, valueType), target.loc);
      return;
    }
    const ExprList* elts = nullptr;
    if (auto* t = dyn<Tuple>(&target))
      elts = &t->elts;
    else if (auto* l = dyn<List>(&target))
      elts = &l->elts;
    if (!elts)
      return;
    const ExprList* values = nullptr;
    if (auto* t = value ? dyn<Tuple>(value) : nullptr)
      values = &t->elts;
    else if (auto* l = value ? dyn<List>(value) : nullptr)
      values = &l->elts;
    for (size_t i = 0; i < elts->size(); ++i) {
      const Expr* v = values && i < values->size() ? (*values)[i].get() : nullptr;
      inferTarget(info, *(*elts)[i], v, v ? typeOf(*v) : PyType::Conflict);
    }
  }

  void inferBody(const StmtList& body, FunctionInfo& info) {
    for (const StmtPtr& stmt : body) {
      if (const Lambda* lambda = boundLambda(*stmt)) {
        bindLocalLambda(info, static_cast<const Name&>(*static_cast<const Assign&>(*stmt).targets[0]), *lambda);
      } else if (auto* a = dyn<Assign>(stmt.get())) {
        PyType t = typeOf(*a->value);
        for (const ExprPtr& target : a->targets) {
          inferTarget(info, *target, a->value.get(), t);
          if (auto* n = dyn<Name>(target.get()); n && isNone(*a->value) && !paramSlot(info, n->id))
            info.mayBeNone.insert(n->id);
        }
      } else if (auto* a = dyn<AugAssign>(stmt.get())) {
        if (auto* n = dyn<Name>(a->target.get()))
          assignType(info, n->id, binaryType(a->op, typeOf(*a->target), typeOf(*a->value), *a->value), a->loc);
        else if (storedDict(*a->target))
          inferTarget(info, *a->target, nullptr,
                      binaryType(a->op, typeOf(*a->target), typeOf(*a->value), *a->value));
      } else if (auto* r = dyn<Return>(stmt.get())) {
        if (r->value)
          widenAt(info, "", info.result, typeOf(*r->value), r->loc);
      } else if (auto* i = dyn<If>(stmt.get())) {
        typeOf(*i->test);
        inferBody(i->body, info);
        inferBody(i->orelse, info);
      } else if (auto* f = dyn<For>(stmt.get())) {
        bindTypes(*f->target, f->iter.get(), [&](const Expr& name, PyType t) { inferTarget(info, name, nullptr, t); });
        inferBody(f->body, info);
        inferBody(f->orelse, info);
      } else if (auto* w = dyn<While>(stmt.get())) {
        typeOf(*w->test);
        inferBody(w->body, info);
        inferBody(w->orelse, info);
      } else if (auto* t = dyn<Try>(stmt.get())) {
        inferBody(t->body, info);
        for (const ExceptHandler& h : t->handlers)
          inferBody(h.body, info);
        inferBody(t->orelse, info);
      } else if (auto* e = dyn<ExprStmt>(stmt.get())) {
        if (auto* call = dyn<Call>(e->value.get()); call && isAppend(*call)) {
          PyType item = typeOf(*call->args[0]);
          const std::string& list = dyn<Name>(dyn<Attribute>(call->func.get())->value.get())->id;
          if (listOf(item) != PyType::Conflict)
            assignType(info, list, listOf(item), call->loc);
        } else {
          typeOf(*e->value);
        }
      }
    }
  }

  // `d[k]` as an assignment's target, where d is a dict variable of the
  // function (a module constant is not assigned into): d's name.
  const Name* storedDict(const Expr& target) {
    auto* s = dyn<Subscript>(&target);
    auto* n = s ? dyn<Name>(s->value.get()) : nullptr;
    if (!n || dyn<Slice>(s->slice.get()) || !isLocal(n->id))
      return nullptr;
    PyType t = nameType(n->id);
    return isDict(t) || t == PyType::EmptyDict ? n : nullptr;
  }

  static bool isAppend(const Call& call) {
    auto* a = dyn<Attribute>(call.func.get());
    return a && a->attr == "append" && dyn<Name>(a->value.get()) && call.args.size() == 1;
  }

  // What `for x in iter` binds x to.
  // `iter` as a call of the builtin `name` (not shadowed by a local or a
  // def) with `minArity` to `maxArity` positional arguments.
  const Call* builtinCall(const Expr& iter, std::string_view name, size_t minArity, size_t maxArity) const {
    auto* call = dyn<Call>(&iter);
    auto* callee = call ? dyn<Name>(call->func.get()) : nullptr;
    if (!callee || callee->id != name || isLocal(name) || defs_.count(name) || call->args.size() < minArity ||
        call->args.size() > maxArity || !call->keywords.empty())
      return nullptr;
    return call;
  }
  const Call* builtinCall(const Expr& iter, std::string_view name, size_t arity) const {
    return builtinCall(iter, name, arity, arity);
  }

  // The names a loop's target binds and their types, in order: `for a, (b,
  // c) in enumerate(zip(X, Y))` binds a: int, b: X's items, c: Y's items.
  template <typename Bind> void bindTypes(const Expr& target, const Expr* iter, Bind bind) {
    if (dyn<Name>(&target)) {
      bind(target, iter ? elementType(*iter) : PyType::Conflict);
      return;
    }
    const ExprList* elts = targetElements(target);
    if (!elts)
      return;
    const Call* zip = iter ? builtinCall(*iter, "zip", 1, SIZE_MAX) : nullptr;
    const Call* enumerate = iter ? builtinCall(*iter, "enumerate", 1, 2) : nullptr;
    const Expr* items = iter ? dictItems(*iter) : nullptr;
    for (size_t k = 0; k < elts->size(); ++k) {
      const Expr& part = *(*elts)[k];
      if (items && elts->size() == 2 && dyn<Name>(&part)) {
        PyType dict = typeOf(*items);
        bind(part, k == 0 ? dictKey(dict) : dictValue(dict));
      } else if (zip && zip->args.size() == elts->size())
        bindTypes(part, zip->args[k].get(), bind);
      else if (enumerate && elts->size() == 2 && k == 0)
        bind(part, PyType::Int);
      else if (enumerate && elts->size() == 2)
        bindTypes(part, enumerate->args[0].get(), bind);
      else
        bindTypes(part, nullptr, bind);
    }
  }
  // `d.items()` of a dict d: d (its pairs are zip(d.keys(), d.values())).
  const Expr* dictItems(const Expr& iter) {
    auto* call = dyn<Call>(&iter);
    auto* a = call ? dyn<Attribute>(call->func.get()) : nullptr;
    if (!a || a->attr != "items" || !call->args.empty() || !call->keywords.empty() || !isDict(typeOf(*a->value)))
      return nullptr;
    return a->value.get();
  }

  static const ExprList* targetElements(const Expr& target) {
    if (auto* t = dyn<Tuple>(&target))
      return &t->elts;
    if (auto* l = dyn<List>(&target))
      return &l->elts;
    return nullptr;
  }

  PyType elementType(const Expr& iter) {
    if (const Call* range = builtinCall(iter, "range", 0, SIZE_MAX)) {
      for (const ExprPtr& a : range->args)
        typeOf(*a);
      return PyType::Int;
    }
    return itemOf(typeOf(iter));
  }

  // The type of an item of a str or list.
  static PyType itemOf(PyType t) {
    if (t == PyType::Unknown) // a helper's result a later round knows
      return PyType::Unknown;
    if (isDict(t))
      return dictKey(t);
    if (t == PyType::Str || t == PyType::StrList)
      return PyType::Str;
    if (t == PyType::IntList)
      return PyType::Int;
    if (t == PyType::FloatList)
      return PyType::Float;
    return PyType::Conflict;
  }

  bool isLocal(std::string_view name) const {
    for (const auto& [target, type] : comprehension_)
      if (target == name)
        return true;
    if (!current_)
      return false;
    if (current_->locals.count(name))
      return true;
    return std::any_of(current_->def->args.begin(), current_->def->args.end(),
                       [&](const Arg& a) { return a.name == name; });
  }

  PyType nameType(const std::string& id) {
    for (auto it = comprehension_.rbegin(); it != comprehension_.rend(); ++it)
      if (it->first == id)
        return it->second;
    if (current_) {
      for (size_t p = 0; p < current_->def->args.size(); ++p)
        if (current_->def->args[p].name == id)
          return current_->params[p];
      if (auto it = current_->locals.find(id); it != current_->locals.end())
        return it->second;
    }
    if (auto it = constants_.find(id); it != constants_.end()) {
      FunctionInfo* outer = std::exchange(current_, nullptr);
      PyType t = typeOf(*it->second);
      current_ = outer;
      return t;
    }
    if (auto it = members_.find(id); it != members_.end() && moduleConstant(it->second))
      return PyType::Float;
    return PyType::Conflict;
  }

  static bool isConstantIntegral(const Expr& e, int64_t* value = nullptr) {
    const Expr* x = &e;
    bool negative = false;
    if (auto* u = dyn<UnaryOp>(x); u && u->op == UnaryOperator::USub) {
      negative = true;
      x = u->operand.get();
    }
    auto* c = dyn<Constant>(x);
    if (!c)
      return false;
    std::optional<int64_t> v;
    if (c->type == Constant::Type::Int && c->intValue)
      v = *c->intValue;
    else if (c->type == Constant::Type::Float && c->floatValue == std::trunc(c->floatValue) &&
             std::fabs(c->floatValue) < 1e15)
      v = static_cast<int64_t>(c->floatValue);
    if (!v)
      return false;
    if (value)
      *value = negative ? -*v : *v;
    return true;
  }

  // Python's result type of `a op b`; Conflict where findc does not follow.
  PyType binaryType(Operator op, PyType a, PyType b, const Expr& right) {
    if (a == PyType::Unknown || b == PyType::Unknown)
      return PyType::Unknown;
    if (a == PyType::Str || b == PyType::Str) {
      if (op == Operator::Add && a == b)
        return PyType::Str;
      if (op == Operator::Mult && (a == PyType::Int || b == PyType::Int || a == PyType::Bool || b == PyType::Bool))
        return PyType::Str;
      return PyType::Conflict;
    }
    if (isList(a) && a == b && op == Operator::Add)
      return a;
    if (!isNumber(a) || !isNumber(b))
      return PyType::Conflict;
    if (a == PyType::Bool)
      a = PyType::Int;
    if (b == PyType::Bool)
      b = PyType::Int;
    switch (op) {
    case Operator::Add:
    case Operator::Sub:
    case Operator::Mult:
      return join(a, b);
    case Operator::Div:
      return a == PyType::Int && b == PyType::Int ? PyType::Float : join(join(a, b), PyType::Float);
    case Operator::FloorDiv:
    case Operator::Mod:
      return a == PyType::Complex || b == PyType::Complex ? PyType::Conflict : join(a, b);
    case Operator::Pow: {
      if (a == PyType::Complex || b == PyType::Complex)
        return PyType::Conflict;
      if (a == PyType::NpFloat || b == PyType::NpFloat)
        return PyType::NpFloat;
      int64_t n = 0;
      bool integral = isConstantIntegral(right, &n);
      if (a == PyType::Int && b == PyType::Int) // a variable exponent is taken to be >= 0 (py_pow: ValueError if not)
        return integral && n < 0 ? PyType::Float : PyType::Int;
      return b == PyType::Int || integral ? PyType::Float : PyType::Complex;
    }
    default:
      return PyType::Conflict;
    }
  }

  // Python's type of `e` under the current function's types. Records what
  // calls pass to user functions (inference's only effect).
  PyType typeOf(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Constant: {
      switch (static_cast<const Constant&>(e).type) {
      case Constant::Type::Bool: return PyType::Bool;
      case Constant::Type::Int: return PyType::Int;
      case Constant::Type::Float: return PyType::Float;
      case Constant::Type::Str: return PyType::Str;
      case Constant::Type::Complex: return PyType::Complex;
      case Constant::Type::None: return PyType::Unknown; // where it may go: see lowerReturnValue
      }
      return PyType::Conflict;
    }
    case ExprKind::Name: return nameType(static_cast<const Name&>(e).id);
    case ExprKind::Attribute:
      return moduleConstant(dottedName(e).value_or("")) ? PyType::Float : PyType::Conflict;
    case ExprKind::UnaryOp: {
      auto& u = static_cast<const UnaryOp&>(e);
      PyType t = typeOf(*u.operand);
      if (u.op == UnaryOperator::Not)
        return PyType::Bool;
      if (u.op == UnaryOperator::Invert)
        return PyType::Conflict;
      return t == PyType::Bool ? PyType::Int : isNumber(t) || t == PyType::Unknown ? t : PyType::Conflict;
    }
    case ExprKind::BinOp: {
      auto& b = static_cast<const BinOp&>(e);
      return binaryType(b.op, typeOf(*b.left), typeOf(*b.right), *b.right);
    }
    case ExprKind::BoolOp: {
      PyType t = PyType::Unknown;
      for (const ExprPtr& v : static_cast<const BoolOp&>(e).values)
        t = join(t, typeOf(*v));
      return t;
    }
    case ExprKind::Compare: {
      auto& c = static_cast<const Compare&>(e);
      typeOf(*c.left);
      for (const ExprPtr& x : c.comparators)
        typeOf(*x);
      return PyType::Bool;
    }
    case ExprKind::IfExp: {
      auto& i = static_cast<const IfExp&>(e);
      typeOf(*i.test);
      return join(typeOf(*i.body), typeOf(*i.orelse));
    }
    case ExprKind::Call: return callType(static_cast<const Call&>(e));
    case ExprKind::Subscript: {
      auto& s = static_cast<const Subscript&>(e);
      PyType base = typeOf(*s.value);
      if (auto* slice = dyn<Slice>(s.slice.get())) {
        for (const Expr* part : {slice->lower.get(), slice->upper.get(), slice->step.get()})
          if (part)
            typeOf(*part);
        return isSliceable(base) ? base : PyType::Conflict;
      }
      typeOf(*s.slice);
      if (isDict(base))
        return dictValue(base);
      if (base == PyType::EmptyDict)
        return PyType::Unknown; // what is stored there decides
      if (base == PyType::Str || base == PyType::StrList)
        return PyType::Str;
      if (base == PyType::IntList || base == PyType::FloatList)
        return itemOf(base);
      return base == PyType::Unknown ? PyType::Unknown : PyType::Conflict;
    }
    case ExprKind::List: {
      // One item type: Python's [1, 2.5] holds an int and a float, which a
      // list[real] would not give back ([1, 2.5][0] is the int 1).
      PyType t = PyType::Unknown;
      bool mixed = false;
      for (const ExprPtr& x : static_cast<const List&>(e).elts) {
        PyType item = typeOf(*x);
        mixed |= t != PyType::Unknown && item != PyType::Unknown && isNumber(t) && item != t &&
                 (item == PyType::Float || t == PyType::Float);
        t = join(t, item);
      }
      if (t == PyType::Unknown)
        return PyType::EmptyList;
      return mixed ? PyType::Conflict : listOf(t);
    }
    case ExprKind::Dict: {
      // One key type and one value type, as a list's items: {1: 'a', 2.5: 'b'}
      // and {'a': 1, 'b': 2.5} are refused (their items would not read back).
      auto& d = static_cast<const Dict&>(e);
      if (d.keys.empty())
        return PyType::EmptyDict;
      PyType t = PyType::Unknown;
      for (size_t i = 0; i < d.keys.size(); ++i) {
        if (!d.keys[i]) // `**other`
          return PyType::Conflict;
        PyType item = dictOf(typeOf(*d.keys[i]), typeOf(*d.values[i]));
        if (item == PyType::Conflict || (t != PyType::Unknown && item != t))
          return PyType::Conflict;
        t = item;
      }
      return t;
    }
    case ExprKind::JoinedStr:
      for (const ExprPtr& part : static_cast<const JoinedStr&>(e).values)
        typeOf(*part);
      return PyType::Str;
    case ExprKind::ListComp: return listOf(itemType(e));
    default: return PyType::Conflict;
    }
  }

  PyType callType(const Call& call) {
    if (const Call* direct = localLambdaCall(call))
      return callType(*direct);
    if (const Expr* list = rangeAsList(call))
      return typeOf(*list);
    std::vector<PyType> args;
    for (const ExprPtr& a : call.args)
      args.push_back(typeOf(*a));
    for (const Keyword& k : call.keywords)
      typeOf(*k.value);
    if (auto* n = dyn<Name>(call.func.get()); n && !isLocal(n->id) && defs_.count(n->id)) {
      FunctionInfo& callee = reach(*defs_.at(n->id));
      for (size_t i = 0; i < args.size() && i < callee.params.size(); ++i)
        widen(callee.params[i], args[i]);
      for (const Keyword& k : call.keywords)
        if (PyType* slot = paramSlot(callee, k.arg))
          widen(*slot, typeOf(*k.value));
      return callee.result;
    }
    std::optional<std::string> name = calleeName(call);
    if (const RandomFunction* random = name ? findRandomFunction(*name) : nullptr)
      return random->result;
    const Callable* c = name ? findCallable(*name) : nullptr;
    if (!c)
      return PyType::Conflict;
    PyType first = args.empty() ? PyType::Conflict : args[0];
    if (const Expr* items = foldOf(c->name) ? foldedItems(call) : nullptr) {
      PyType item = itemType(*items);
      if (const Expr* key = keyOf(call))
        keyType(*key, item); // reaches a def the key calls, typing its parameter
      std::string_view n = c->name;
      if (n == "any" || n == "all")
        return PyType::Bool;
      if (n == "sum")
        return join(PyType::Int, item == PyType::Bool ? PyType::Int : item);
      if (n == "min" || n == "max")
        return item == PyType::Bool && !keyOf(call) ? PyType::Int : item;
    }
    if (c->name == "str.join" && call.args.size() == 1 && isComprehension(*call.args[0])) {
      itemType(*call.args[0]); // reaches a def the items call
      return PyType::Str;
    }
    switch (c->form) {
    case Form::Math1:
    case Form::Math1Overflow:
    case Form::Plain2: return PyType::Float;
    case Form::MathToInt: return PyType::Int;
    case Form::Numpy1:
    case Form::Numpy2: return PyType::NpFloat;
    case Form::StrMethod: return c->result;
    case Form::Special: break;
    }
    std::string_view n = c->name;
    if (n == "math.log" || n == "math.degrees" || n == "math.radians")
      return PyType::Float;
    if (n == "math.isnan" || n == "math.isinf" || n == "math.isfinite" || n == "bool")
      return PyType::Bool;
    if (n == "numpy.where" && args.size() == 3 && isIntegral(args[1]) && isIntegral(args[2]))
      return PyType::Int; // NumPy's int64
    if (n == "numpy.power" || n == "numpy.square" || n == "numpy.where" || n == "numpy.clip")
      return PyType::NpFloat;
    if (n == "abs")
      return first == PyType::Complex ? PyType::Float : first == PyType::Bool ? PyType::Int : first;
    if (n == "min" || n == "max") {
      PyType t = PyType::Unknown;
      for (PyType a : args)
        t = join(t, a == PyType::Bool ? PyType::Int : a);
      return t;
    }
    if (n == "round" && args.size() == 2)
      return args[0] == PyType::Bool ? PyType::Int : args[0] == PyType::NpFloat ? PyType::NpFloat
                                                   : isReal(args[0]) ? PyType::Float : args[0];
    if (n == "math.pow" || n == "math.hypot")
      return PyType::Float;
    first = iterated(first);
    if (n == "sorted" && keyOf(call)) {
      if (const Expr* keys = sortKeys(call))
        itemType(*keys); // reaches a def the key calls
      return isList(first) ? first : PyType::Conflict;
    }
    if (n == "sorted")
      return first == PyType::IntList || first == PyType::FloatList ? first
             : first == PyType::Str || first == PyType::StrList   ? PyType::StrList
                                                                  : PyType::Conflict;
    if (n == "isinstance")
      return PyType::Bool;
    if (n == "dict")
      return call.args.empty() && call.keywords.empty() ? PyType::EmptyDict : PyType::Conflict;
    if (n.starts_with("dict.")) {
      PyType dict = typeOf(*static_cast<const Attribute&>(*call.func).value);
      if (n == "dict.keys")
        return listOf(dictKey(dict));
      if (n == "dict.values")
        return listOf(dictValue(dict));
      if (n == "dict.get" && args.size() == 2) // the value or the default: one type
        return dict == PyType::EmptyDict ? args[1] : join(dictValue(dict), args[1]);
      if (n == "dict.get" && args.size() == 1)
        return dictValue(dict); // only as min's, max's or sorted's key= (see keyOf)
      return PyType::Conflict;
    }
    if (n == "reversed") // where it is iterated: see lowerReversed
      return isSliceable(first) ? first : PyType::Conflict;
    if (n == "int" || n == "round" || n == "len" || n == "ord")
      return PyType::Int;
    if (n == "float")
      return PyType::Float;
    if (n == "str" || n == "chr")
      return PyType::Str;
    if (n == "pow" && args.size() == 2)
      return binaryType(Operator::Pow, args[0], args[1], *call.args[1]);
    return PyType::Conflict;
  }

  // The qualified name of what `call` calls (not a user function): a module
  // member, a builtin, or a method ("str.lower") by its receiver's type.
  std::optional<std::string> calleeName(const Call& call) {
    const Expr& func = *call.func;
    if (auto* n = dyn<Name>(&func)) {
      if (isLocal(n->id))
        return std::nullopt;
      if (auto m = members_.find(n->id); m != members_.end())
        return m->second;
      return n->id;
    }
    if (auto* a = dyn<Attribute>(&func)) {
      if (std::optional<std::string> dotted = dottedName(func))
        return dotted;
      PyType receiver = typeOf(*a->value);
      if (receiver == PyType::Str)
        return "str." + a->attr;
      if (isDict(receiver) || receiver == PyType::EmptyDict)
        return "dict." + a->attr;
      if (isList(receiver))
        return "list." + a->attr;
    }
    return std::nullopt;
  }

  // ---- lowering ----

  std::unique_ptr<ast::FuncDecl> lowerFunction(FunctionInfo& info) {
    current_ = &info;
    const FunctionDef& def = *info.def;
    auto fn = std::make_unique<ast::FuncDecl>();
    fn->name = def.name;
    fn->loc = def.nameLoc;
    for (size_t p = 0; p < def.args.size(); ++p) {
      const Arg& arg = def.args[p];
      PyType t = info.params[p];
      if (!representable(t, arg.loc, "parameter '" + arg.name + "'"))
        t = PyType::Float;
      ast::Param param{arg.name, arg.loc, typeRefOf(t, arg.loc), nullptr, Type::Error, std::nullopt};
      if (arg.defaultValue) { // evaluated where the def runs: in the module's scope
        FunctionInfo* inside = std::exchange(current_, nullptr);
        param.defaultExpr = coerce(lower(*arg.defaultValue), t, *arg.defaultValue).expr;
        current_ = inside;
      }
      fn->params.push_back(std::move(param));
    }
    // Type problems of the result and the locals are reported after the
    // body, and only if it has no errors of its own: an unknown name or an
    // unsupported call also leaves types unknown.
    std::vector<std::pair<SourceLoc, std::string>> deferred;
    auto settle = [&](PyType t, const std::string& name, SourceLoc fallback, const std::string& what) {
      if (t == PyType::Unknown)
        deferred.emplace_back(fallback, what + (name.empty() ? " is never returned" : " has no value findc can type"));
      else if (t == PyType::Conflict)
        deferred.emplace_back(info.conflictAt.count(name) ? info.conflictAt.at(name) : fallback,
                              what + " is given values of different types here (findc keeps one type per name; "
                                     "numbers of any kind mix, a list's items and a dict's keys and values do not)");
      else
        return t;
      return PyType::Float;
    };
    unsigned errorsBefore = diags_.errorCount();
    PyType result = settle(info.result, "", def.nameLoc, "a value of '" + def.name + "'");
    resultType_ = result;
    fn->resultRef = typeRefOf(result, def.nameLoc);
    // Python's locals live in the whole function: declared once, up front,
    // with a zero value (a read before any assignment reads it, where
    // CPython raises UnboundLocalError).
    for (const std::string& name : info.localOrder) {
      PyType local = info.locals.at(name);
      if (local == PyType::Unknown && info.mayBeNone.count(name))
        local = PyType::Int; // only ever None: any type holds it
      PyType t = settle(local, name, def.nameLoc, "variable '" + name + "'");
      fn->statements.push_back(declareVar(name, t, zeroOf(t, def.loc), def.loc));
      // Unassigned, it reads as None (CPython raises UnboundLocalError).
      if (info.mayBeNone.count(name))
        fn->statements.push_back(
            declareVar(noneFlag(name), PyType::Bool, std::make_unique<ast::BoolLit>(def.loc, 1, true), def.loc));
    }
    lowerBody(def.body, fn->statements);
    if (diags_.errorCount() == errorsBefore)
      for (auto& [loc, message] : deferred)
        error(loc, message);
    if (!alwaysReturns(def.body)) // Python returns None there: an error value findc prints as None
      fn->statements.push_back(
          std::make_unique<ast::ReturnStmt>(def.loc, raiseAs("TypeError", result, def.loc)));
    current_ = nullptr;
    return fn;
  }

  bool representable(PyType t, SourceLoc loc, const std::string& what) {
    if (t != PyType::Conflict && t != PyType::Unknown)
      return true;
    error(loc, what + (t == PyType::Unknown ? " has no type findc can infer (nothing passes it a value)"
                                            : " is passed values of different types (findc keeps one type per "
                                              "name; numbers of any kind mix)"));
    return false;
  }

  static bool alwaysReturns(const StmtList& body) {
    for (const StmtPtr& s : body) {
      if (dyn<Return>(s.get()))
        return true;
      if (auto* i = dyn<If>(s.get()); i && !i->orelse.empty() && alwaysReturns(i->body) && alwaysReturns(i->orelse))
        return true;
    }
    return false;
  }

  // ---- findc AST construction ----
  static ast::ExprPtr realLit(double v, SourceLoc loc) { return std::make_unique<ast::RealLit>(loc, 1, v); }
  static ast::ExprPtr intLit(int64_t v, SourceLoc loc) { return std::make_unique<ast::IntLit>(loc, 1, v); }
  static ast::ExprPtr strLit(std::string v, SourceLoc loc) { return std::make_unique<ast::StrLit>(loc, 1, std::move(v)); }
  static ast::ExprPtr nameRef(const std::string& n, SourceLoc loc, uint32_t length = 1) {
    return std::make_unique<ast::NameRef>(loc, length, n);
  }
  static ast::ExprPtr call(std::string callee, std::vector<ast::ExprPtr> args, SourceLoc loc, uint32_t length = 1) {
    auto c = std::make_unique<ast::Call>(loc, length, callee, width(callee));
    for (ast::ExprPtr& a : args)
      c->args.push_back({"", {}, std::move(a)});
    return c;
  }
  template <typename... A> static std::vector<ast::ExprPtr> args(A&&... a) {
    std::vector<ast::ExprPtr> out;
    (out.push_back(std::forward<A>(a)), ...);
    return out;
  }
  static ast::ExprPtr binary(ast::BinaryOp op, ast::ExprPtr l, ast::ExprPtr r, SourceLoc loc, SourceLoc opLoc,
                             uint32_t length = 1) {
    return std::make_unique<ast::Binary>(loc, length, op, opLoc, std::move(l), std::move(r));
  }
  static ast::ExprPtr compare(ast::CompareOp op, ast::ExprPtr l, ast::ExprPtr r, SourceLoc loc) {
    auto c = std::make_unique<ast::Compare>(loc, 1);
    c->operands.push_back(std::move(l));
    c->operands.push_back(std::move(r));
    c->ops.push_back(op);
    c->opLocs.push_back(loc);
    return c;
  }
  static ast::ExprPtr conditional(ast::ExprPtr c, ast::ExprPtr a, ast::ExprPtr b, SourceLoc loc) {
    return std::make_unique<ast::Conditional>(loc, 1, std::move(c), std::move(a), std::move(b));
  }
  // `var NAME: T = init`: every variable the lowering declares.
  static std::unique_ptr<ast::Stmt> declareVar(std::string name, PyType t, ast::ExprPtr init, SourceLoc loc) {
    auto let = std::make_unique<ast::LetStmt>();
    let->name = std::move(name);
    let->loc = loc;
    let->declaredType = typeRefOf(t, loc);
    let->init = std::move(init);
    let->mutableVar = true;
    return std::make_unique<ast::LetStatement>(loc, std::move(let));
  }
  // `let PREFIXn = init`, appended to `out`: an immutable temporary of the
  // lowering (a fresh name per use); returns its name.
  std::string letTemporary(std::string_view prefix, ast::ExprPtr init, SourceLoc loc, ast::StmtList& out) {
    std::string name = std::string(prefix) + std::to_string(temporaries_++);
    letNamed(name, std::move(init), loc, out);
    return name;
  }
  // `let name = init` onto out.
  static void letNamed(std::string name, ast::ExprPtr init, SourceLoc loc, ast::StmtList& out) {
    auto let = std::make_unique<ast::LetStmt>();
    let->name = std::move(name);
    let->loc = loc;
    let->init = std::move(init);
    out.push_back(std::make_unique<ast::LetStatement>(loc, std::move(let)));
  }
  // `NAME = value` on a declared variable.
  static std::unique_ptr<ast::Stmt> assignStmt(std::string name, ast::ExprPtr value, SourceLoc loc) {
    return std::make_unique<ast::AssignStmt>(loc, std::move(name), ast::BinaryOp::Add, false, std::move(value));
  }
  static ast::ExprPtr zeroOf(PyType t, SourceLoc loc) {
    if (isList(t) || t == PyType::EmptyList)
      return std::make_unique<ast::ListLit>(loc, 1);
    if (isDict(t) || t == PyType::EmptyDict)
      return std::make_unique<ast::MapLit>(loc, 1);
    switch (t) {
    case PyType::Bool: return std::make_unique<ast::BoolLit>(loc, 1, false);
    case PyType::Int: return intLit(0, loc);
    case PyType::Str: return strLit("", loc);
    default: return realLit(0.0, loc);
    }
  }
  // An error value of kind `kind` with type t (py_raise, converted).
  static ast::ExprPtr raiseAs(const std::string& kind, PyType t, SourceLoc loc) {
    ast::ExprPtr raised = call("py_raise", args(strLit(kind, loc)), loc);
    if (isContainer(t)) // the zero value, after the raise has been recorded
      return conditional(compare(ast::CompareOp::Eq, std::move(raised), intLit(0, loc), loc), zeroOf(t, loc),
                         zeroOf(t, loc), loc);
    switch (t) {
    case PyType::Int: return raised;
    case PyType::Bool: return compare(ast::CompareOp::Ne, std::move(raised), intLit(0, loc), loc);
    case PyType::Str: return call("str", args(std::move(raised)), loc);
    default: return call("real", args(std::move(raised)), loc);
    }
  }

  // `v` as a value of Python type `to` for a slot of that type: numbers
  // widen as Python's do; anything else is the error Python would raise
  // where the value is used (TypeError).
  Lowered coerce(Lowered v, PyType to, const Expr& where) {
    if (!v || v.type == to || to == PyType::Conflict || to == PyType::Unknown)
      return v;
    if ((v.type == PyType::EmptyList && isList(to)) || (v.type == PyType::EmptyDict && isDict(to)))
      return {std::move(v.expr), to}; // `[]`, `{}`: findc types it from the slot
    SourceLoc loc = where.loc;
    if (isNumber(v.type) && isNumber(to)) {
      if (to == PyType::Int && v.type == PyType::Bool)
        return {call("int", args(std::move(v.expr)), loc), to};
      if (isReal(to) && (v.type == PyType::Bool || v.type == PyType::Int))
        return {call("real", args(std::move(v.expr)), loc), to};
      if (isReal(to) && isReal(v.type))
        return {std::move(v.expr), to};
      if (to == PyType::Complex)
        return {std::move(v.expr), to}; // findc widens numbers to complex
    }
    // A float where Python needs an int (an index, chr), a str where it
    // needs a number, ...: CPython raises TypeError when it gets there.
    return {raiseAs("TypeError", to, loc), to};
  }

  // Python's truth of a value, as a findc bool.
  ast::ExprPtr truth(Lowered v, SourceLoc loc) {
    if (v.type == PyType::Str || isContainer(v.type))
      return compare(ast::CompareOp::Ne, call("len", args(std::move(v.expr)), loc), intLit(0, loc), loc);
    switch (v.type) {
    case PyType::Bool: return std::move(v.expr);
    case PyType::Int: return compare(ast::CompareOp::Ne, std::move(v.expr), intLit(0, loc), loc);
    case PyType::Float:
    case PyType::NpFloat: return compare(ast::CompareOp::Ne, std::move(v.expr), realLit(0.0, loc), loc);
    case PyType::Complex: return compare(ast::CompareOp::Ne, std::move(v.expr), realLit(0.0, loc), loc);
    default: return std::move(v.expr);
    }
  }

  Lowered unsupported(const Expr& e, const std::string& what) {
    error(e, what + " is not supported in hypotheses yet (docs/python-frontend.md lists the subset)");
    return {};
  }

  Lowered lower(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Constant: return lowerConstant(static_cast<const Constant&>(e));
    case ExprKind::Name: return lowerName(static_cast<const Name&>(e));
    case ExprKind::Attribute: {
      std::optional<std::string> dotted = dottedName(e);
      if (std::optional<double> value = moduleConstant(dotted.value_or("")))
        return {realLit(*value, e.loc), PyType::Float};
      return unsupported(e, "the attribute '" + static_cast<const Attribute&>(e).attr + "'");
    }
    case ExprKind::UnaryOp: return lowerUnary(static_cast<const UnaryOp&>(e));
    case ExprKind::BinOp: {
      auto& b = static_cast<const BinOp&>(e);
      return lowerBinary(b.op, lowerOperand(*b.left), lowerOperand(*b.right), *b.right, e, b.opLoc);
    }
    case ExprKind::BoolOp: return lowerBoolOp(static_cast<const BoolOp&>(e));
    case ExprKind::Compare: return lowerCompare(static_cast<const Compare&>(e));
    case ExprKind::IfExp: {
      auto& i = static_cast<const IfExp&>(e);
      PyType t = typeOf(e);
      Lowered test = lower(*i.test);
      Lowered a = coerce(lower(*i.body), t, *i.body);
      Lowered b = coerce(lower(*i.orelse), t, *i.orelse);
      if (!test || !a || !b)
        return {};
      return {conditional(truth(std::move(test), e.loc), std::move(a.expr), std::move(b.expr), e.loc), t};
    }
    case ExprKind::Call: return lowerCall(static_cast<const Call&>(e));
    case ExprKind::Subscript: return lowerSubscript(static_cast<const Subscript&>(e));
    case ExprKind::List: {
      auto& l = static_cast<const List&>(e);
      PyType t = typeOf(e);
      if (t == PyType::Conflict)
        return unsupported(e, "a list of anything but strs, ints or floats (one type of item; "
                              "a list mixing ints and floats too)");
      if (t == PyType::EmptyList)
        return {std::make_unique<ast::ListLit>(e.loc, e.length), t};
      auto list = std::make_unique<ast::ListLit>(e.loc, e.length);
      for (const ExprPtr& x : l.elts) {
        Lowered item = lower(*x);
        if (!item)
          return {};
        list->elements.push_back(std::move(item.expr));
      }
      return {std::move(list), t};
    }
    case ExprKind::Dict: {
      auto& d = static_cast<const Dict&>(e);
      PyType t = typeOf(e);
      if (t == PyType::Conflict)
        return unsupported(e, "a dict other than of str or int keys to str, int or float values (one type of key "
                              "and one of value; a dict mixing ints and floats too)");
      auto map = std::make_unique<ast::MapLit>(e.loc, e.length);
      for (size_t i = 0; i < d.keys.size(); ++i) {
        Lowered k = coerce(lower(*d.keys[i]), dictKey(t), *d.keys[i]), v = lower(*d.values[i]);
        if (!k || !v)
          return {};
        map->keys.push_back(std::move(k.expr));
        map->values.push_back(std::move(v.expr));
      }
      return {std::move(map), t};
    }
    case ExprKind::Tuple: return unsupported(e, "a tuple value");
    case ExprKind::Slice: return unsupported(e, "a slice outside a subscript");
    case ExprKind::ListComp: return lowerComprehension(e, Fold::List);
    case ExprKind::GeneratorExp: return unsupported(e, "a generator expression outside sum, any, all, min, max or join");
    case ExprKind::Lambda: return unsupported(e, "a lambda");
    case ExprKind::JoinedStr: return lowerFString(static_cast<const JoinedStr&>(e));
    }
    return {};
  }

  // f'a{x}b': the parts concatenated, each field as str() of its value
  // (format(v, '') is str(v) for the values findc has).
  Lowered lowerFString(const JoinedStr& f) {
    ast::ExprPtr out = strLit("", f.loc);
    for (const ExprPtr& part : f.values) {
      Lowered v = lower(*part);
      if (!v)
        return {};
      if (v.type != PyType::Str) {
        if (v.type == PyType::Complex || !(isNumber(v.type)))
          return unsupported(*part, "a " + std::string(pyTypeName(v.type)) + " in an f-string");
        v = {call("str", args(std::move(v.expr)), part->loc), PyType::Str};
      }
      out = binary(ast::BinaryOp::Add, std::move(out), std::move(v.expr), f.loc, f.loc);
    }
    return {std::move(out), PyType::Str};
  }

  Lowered lowerConstant(const Constant& c) {
    switch (c.type) {
    case Constant::Type::Bool: return {std::make_unique<ast::BoolLit>(c.loc, c.length, c.boolValue), PyType::Bool};
    case Constant::Type::Int:
      if (!c.intValue)
        return unsupported(c, "an int beyond 64 bits");
      return {std::make_unique<ast::IntLit>(c.loc, c.length, *c.intValue), PyType::Int};
    case Constant::Type::Float: return {std::make_unique<ast::RealLit>(c.loc, c.length, c.floatValue), PyType::Float};
    case Constant::Type::Str: return {std::make_unique<ast::StrLit>(c.loc, c.length, c.strValue), PyType::Str};
    case Constant::Type::Complex:
      return {call("complex", args(realLit(0.0, c.loc), realLit(c.floatValue, c.loc)), c.loc, c.length),
              PyType::Complex};
    case Constant::Type::None: return unsupported(c, "None as a value");
    }
    return {};
  }

  Lowered lowerName(const Name& n) {
    if (mayBeNone(n.id)) {
      error(n.loc,
            "'" + n.id + "' may be None here; findc reads a variable assigned None only in '" + n.id + " is None', '" +
                n.id + " is not None', arithmetic, ordering comparisons and the entry function's 'return " + n.id +
                "' (docs/python-frontend.md)",
            n.length);
      return {};
    }
    if (isLocal(n.id))
      return {nameRef(n.id, n.loc, n.length), nameType(n.id)};
    if (auto it = constants_.find(n.id); it != constants_.end()) {
      FunctionInfo* outer = std::exchange(current_, nullptr);
      Lowered v = lower(*it->second); // inlined: a constant is pure
      current_ = outer;
      return v;
    }
    if (auto it = members_.find(n.id); it != members_.end())
      if (std::optional<double> value = moduleConstant(it->second))
        return {realLit(*value, n.loc), PyType::Float};
    if (skippedNames_.count(n.id)) {
      error(n.loc, "'" + n.id + "' is bound only by a top-level statement findc skips (see the warning)", n.length);
      return {};
    }
    if (exceptionNames_.count(n.id)) {
      error(n.loc, "the exception object '" + n.id + "' is not supported in hypotheses (catch without reading it)",
            n.length);
      return {};
    }
    error(n.loc, "unknown name '" + n.id + "'", n.length);
    return {};
  }

  Lowered lowerUnary(const UnaryOp& u) {
    Lowered v = u.op == UnaryOperator::Not ? lower(*u.operand) : lowerOperand(*u.operand);
    if (!v)
      return {};
    switch (u.op) {
    case UnaryOperator::Not:
      return {std::make_unique<ast::Unary>(u.loc, u.length, ast::UnaryOp::Not, truth(std::move(v), u.loc)),
              PyType::Bool};
    case UnaryOperator::USub:
    case UnaryOperator::UAdd: {
      if (!isNumber(v.type))
        return unsupported(u, "'" + std::string(spelling(u.op)) + "' on a " + std::string(pyTypeName(v.type)));
      if (v.type == PyType::Bool)
        v = coerce(std::move(v), PyType::Int, u);
      if (u.op == UnaryOperator::UAdd)
        return v;
      PyType t = v.type;
      if (t == PyType::Int && !dyn<Constant>(u.operand.get())) // -(-2**63) is past int64
        return {call("py_sub", args(intLit(0, u.loc), std::move(v.expr)), u.loc, u.length), t};
      return {std::make_unique<ast::Unary>(u.loc, u.length, ast::UnaryOp::Neg, std::move(v.expr)), t};
    }
    case UnaryOperator::Invert: return unsupported(u, "'~'");
    }
    return {};
  }

  // `a op b` with Python's semantics for the operand types.
  Lowered lowerBinary(Operator op, Lowered a, Lowered b, const Expr& right, const Expr& e, SourceLoc opLoc) {
    if (!a || !b)
      return {};
    PyType t = binaryType(op, a.type, b.type, right);
    if (t == PyType::Conflict || t == PyType::Unknown)
      return unsupported(e, "'" + std::string(spelling(op)) + "' on a " + std::string(pyTypeName(a.type)) +
                                " and a " + std::string(pyTypeName(b.type)));
    SourceLoc loc = e.loc;
    auto dsl = [&](ast::BinaryOp o, Lowered l, Lowered r) {
      return Lowered{binary(o, std::move(l.expr), std::move(r.expr), loc, opLoc, e.length), t};
    };
    if (t == PyType::Str || isList(t))
      return dsl(op == Operator::Add ? ast::BinaryOp::Add : ast::BinaryOp::Mul, std::move(a), std::move(b));
    bool numpy = a.type == PyType::NpFloat || b.type == PyType::NpFloat;
    bool ints = t == PyType::Int;
    // Operands as the operation's type: ints as ints, floats as findc reals.
    PyType operand = ints ? PyType::Int : t == PyType::Complex ? PyType::Complex : PyType::Float;
    if (op == Operator::Pow && (t == PyType::Float || t == PyType::Complex) && !numpy) {
      // float ** int-valued exponent: float_pow with an int (a float result)
      Lowered base = coerce(std::move(a), PyType::Float, e);
      int64_t n = 0;
      if (b.type == PyType::Int || b.type == PyType::Bool)
        return {call("py_pow", args(std::move(base.expr), coerce(std::move(b), PyType::Int, right).expr), loc, e.length),
                PyType::Float};
      if (isConstantIntegral(right, &n))
        return {call("py_pow", args(std::move(base.expr), intLit(n, right.loc)), loc, e.length), PyType::Float};
      return {call("py_pow", args(std::move(base.expr), coerce(std::move(b), PyType::Float, right).expr), loc,
                   e.length),
              PyType::Complex};
    }
    if (op == Operator::Pow && ints) // int64, OverflowError past it
      return {call("py_pow", args(coerce(std::move(a), PyType::Int, e).expr, coerce(std::move(b), PyType::Int, right).expr),
                   loc, e.length),
              PyType::Int};
    Lowered l = coerce(std::move(a), operand, e), r = coerce(std::move(b), operand, right);
    if (!l || !r)
      return {};
    if (ints && (op == Operator::Add || op == Operator::Sub || op == Operator::Mult)) {
      // Python's ints grow; findc's are int64 and raise OverflowError past it
      const char* checked = op == Operator::Add ? "py_add" : op == Operator::Sub ? "py_sub" : "py_mul";
      return {call(checked, args(std::move(l.expr), std::move(r.expr)), loc, e.length), t};
    }
    switch (op) {
    case Operator::Add: return dsl(ast::BinaryOp::Add, std::move(l), std::move(r));
    case Operator::Sub: return dsl(ast::BinaryOp::Sub, std::move(l), std::move(r));
    case Operator::Mult: return dsl(ast::BinaryOp::Mul, std::move(l), std::move(r));
    case Operator::Div:
      if (numpy || t == PyType::Complex)
        return dsl(ast::BinaryOp::Div, std::move(l), std::move(r));
      return {call("py_div", args(std::move(l.expr), std::move(r.expr)), loc, e.length), t};
    case Operator::FloorDiv:
      if (numpy)
        return dsl(ast::BinaryOp::FloorDiv, std::move(l), std::move(r));
      return {call("py_floordiv", args(std::move(l.expr), std::move(r.expr)), loc, e.length), t};
    case Operator::Mod:
      if (numpy)
        return dsl(ast::BinaryOp::Mod, std::move(l), std::move(r));
      return {call("py_mod", args(std::move(l.expr), std::move(r.expr)), loc, e.length), t};
    case Operator::Pow: return dsl(ast::BinaryOp::Pow, std::move(l), std::move(r)); // NumPy's: IEEE pow
    default: return unsupported(e, "'" + std::string(spelling(op)) + "'");
    }
  }

  // `a and b`, `a or b`: bools as findc's; other values as Python's (the
  // deciding operand, not a bool).
  Lowered lowerBoolOp(const BoolOp& b) {
    PyType t = typeOf(b);
    bool and_ = b.op == BoolOperator::And;
    if (t == PyType::Bool) {
      ast::ExprPtr out;
      for (const ExprPtr& v : b.values) {
        Lowered x = lower(*v);
        if (!x)
          return {};
        out = out ? binary(and_ ? ast::BinaryOp::And : ast::BinaryOp::Or, std::move(out), std::move(x.expr), b.loc,
                           b.loc)
                  : std::move(x.expr);
      }
      return {std::move(out), PyType::Bool};
    }
    if (t == PyType::Conflict)
      return unsupported(b, "'" + std::string(spelling(b.op)) + "' on values of different types");
    // a op b op c = a if (not) a else (b if (not) b else c)
    for (size_t i = 0; i + 1 < b.values.size(); ++i)
      if (refuseDraws(*b.values[i], "'" + std::string(spelling(b.op)) + "' of values"))
        return {};
    Lowered out = coerce(lower(*b.values.back()), t, *b.values.back());
    for (size_t i = b.values.size() - 1; i-- > 0 && out;) {
      Lowered test = lower(*b.values[i]);
      Lowered value = coerce(lower(*b.values[i]), t, *b.values[i]);
      if (!test || !value)
        return {};
      ast::ExprPtr cond = truth(std::move(test), b.loc);
      if (!and_)
        out = {conditional(std::move(cond), std::move(value.expr), std::move(out.expr), b.loc), t};
      else
        out = {conditional(std::move(cond), std::move(out.expr), std::move(value.expr), b.loc), t};
    }
    return out;
  }

  Lowered lowerCompare(const Compare& c) {
    if (Lowered test = lowerIsNone(c))
      return test;
    auto node = std::make_unique<ast::Compare>(c.loc, c.length);
    std::vector<const Expr*> operands = {c.left.get()};
    for (const ExprPtr& x : c.comparators)
      operands.push_back(x.get());
    auto ordering = [](CmpOperator op) {
      return op == CmpOperator::Lt || op == CmpOperator::LtE || op == CmpOperator::Gt || op == CmpOperator::GtE;
    };
    std::vector<Lowered> lowered;
    for (size_t i = 0; i < operands.size(); ++i) {
      const Expr* x = operands[i];
      // None raises TypeError where it is ordered, so a may-be-None name
      // may be an operand of <, <=, >, >= (of those only).
      bool ordered = (i == 0 || ordering(c.ops[i - 1])) && (i == c.ops.size() || ordering(c.ops[i]));
      lowered.push_back(ordered ? lowerOperand(*x) : lower(*x));
      if (!lowered.back())
        return {};
      if (lowered.back().type == PyType::Complex && std::any_of(c.ops.begin(), c.ops.end(), [](CmpOperator op) {
            return op != CmpOperator::Eq && op != CmpOperator::NotEq;
          }))
        return unsupported(*x, "ordering a value that may be complex");
      if (lowered.back().type == PyType::Bool)
        lowered.back() = coerce(std::move(lowered.back()), PyType::Int, *x);
    }
    for (size_t i = 0; i < c.ops.size(); ++i) {
      bool membership = c.ops[i] == CmpOperator::In || c.ops[i] == CmpOperator::NotIn;
      if (membership && lowered[i + 1].type == PyType::FloatList && lowered[i].type != PyType::Float)
        return unsupported(*operands[i], "'in' of a " + std::string(pyTypeName(lowered[i].type)) +
                                             " in a list of floats (findc looks for floats there)");
      if (membership && isDict(lowered[i + 1].type) &&
          !(lowered[i] = dictKeyOf(std::move(lowered[i]), lowered[i + 1].type, *operands[i])))
        return {};
      ast::CompareOp op;
      switch (c.ops[i]) {
      case CmpOperator::Eq: op = ast::CompareOp::Eq; break;
      case CmpOperator::NotEq: op = ast::CompareOp::Ne; break;
      case CmpOperator::Lt: op = ast::CompareOp::Lt; break;
      case CmpOperator::LtE: op = ast::CompareOp::Le; break;
      case CmpOperator::Gt: op = ast::CompareOp::Gt; break;
      case CmpOperator::GtE: op = ast::CompareOp::Ge; break;
      case CmpOperator::In: op = ast::CompareOp::In; break;
      case CmpOperator::NotIn: op = ast::CompareOp::NotIn; break;
      default: return unsupported(c, "'" + std::string(spelling(c.ops[i])) + "'");
      }
      node->ops.push_back(op);
      node->opLocs.push_back(c.opLocs[i]);
    }
    for (Lowered& l : lowered)
      node->operands.push_back(std::move(l.expr));
    return {std::move(node), PyType::Bool};
  }

  Lowered lowerSubscript(const Subscript& s) {
    Lowered base = lower(*s.value);
    if (!base)
      return {};
    if (auto* slice = dyn<Slice>(s.slice.get())) {
      if (!isSliceable(base.type))
        return unsupported(s, "slicing a " + std::string(pyTypeName(base.type)));
      auto node = std::make_unique<ast::Slice>(s.loc, s.length, std::move(base.expr));
      ast::ExprPtr* parts[] = {&node->lo, &node->hi, &node->step};
      const Expr* given[] = {slice->lower.get(), slice->upper.get(), slice->step.get()};
      for (int i = 0; i < 3; ++i)
        if (given[i]) {
          Lowered part = coerce(lower(*given[i]), PyType::Int, *given[i]);
          if (!part)
            return {};
          *parts[i] = std::move(part.expr);
        }
      return {std::move(node), base.type};
    }
    Lowered index = lower(*s.slice);
    if (!index)
      return {};
    PyType t = typeOf(s);
    if (t == PyType::Conflict || base.type == PyType::EmptyDict)
      return unsupported(s, "indexing a " + std::string(pyTypeName(base.type)));
    if (isDict(base.type)) {
      index = dictKeyOf(std::move(index), base.type, *s.slice);
      if (!index)
        return {};
    } else {
      index = coerce(std::move(index), PyType::Int, *s.slice);
    }
    return {std::make_unique<ast::Index>(s.loc, s.length, std::move(base.expr), std::move(index.expr)), t};
  }

  // A key for a dict of type `dict`: a bool is the int it equals (d[True] is
  // d[1]); a key of another type is refused (a float, whose equal int
  // CPython would find; a str in an int-keyed dict, never found).
  Lowered dictKeyOf(Lowered key, PyType dict, const Expr& where) {
    if (!key)
      return key;
    if (key.type == dictKey(dict) || (key.type == PyType::Bool && dictKey(dict) == PyType::Int))
      return coerce(std::move(key), dictKey(dict), where);
    return unsupported(where,
                       "a key of type " + std::string(pyTypeName(key.type)) + " in a " + std::string(pyTypeName(dict)));
  }

  // Arguments lowered and converted: numbers to floats where `asFloat`.
  std::optional<std::vector<Lowered>> lowerArgs(const Call& c, size_t min, size_t max) {
    if (!c.keywords.empty()) {
      error(c.keywords[0].loc, "keyword arguments to '" + calleeName(c).value_or("this function") +
                                   "' are not supported yet");
      return std::nullopt;
    }
    if (c.args.size() < min || c.args.size() > max) {
      std::string name = calleeName(c).value_or("the function");
      error(c, "'" + name + "' takes " + (min == max ? std::to_string(min) : std::to_string(min) + " to " + std::to_string(max)) +
                   " argument" + (max == 1 ? "" : "s") + " here, not " + std::to_string(c.args.size()));
      return std::nullopt;
    }
    std::vector<Lowered> out;
    for (const ExprPtr& a : c.args) {
      out.push_back(lower(*a));
      if (!out.back())
        return std::nullopt;
    }
    return out;
  }

  Lowered asFloat(Lowered v, const Expr& where) {
    if (v.type == PyType::Complex || !isNumber(v.type)) {
      unsupported(where, "a " + std::string(pyTypeName(v.type)) + " argument where a float is needed");
      return {};
    }
    return coerce(std::move(v), isReal(v.type) ? v.type : PyType::Float, where);
  }

  Lowered lowerCall(const Call& c) {
    if (const Call* direct = localLambdaCall(c))
      return lowerCall(*direct);
    if (const Expr* list = rangeAsList(c))
      return lower(*list);
    if (auto* n = dyn<Name>(c.func.get()); n && !isLocal(n->id) && defs_.count(n->id))
      return lowerUserCall(c, infos_.at(n->id));
    std::optional<std::string> name = calleeName(c);
    if (const RandomFunction* random = name ? findRandomFunction(*name) : nullptr)
      return lowerRandom(c, *random);
    const Callable* callable = name ? findCallable(*name) : nullptr;
    if (!callable) {
      if (name && (name->starts_with("random.") || name->starts_with("numpy.random.")))
        return unsupported(c, "'" + *name + "' (findc draws random.random, uniform, gauss, normalvariate and randint, "
                                            "and np.random.normal, uniform, rand and randn of scalars)");
      return unsupported(c, name ? "the function '" + *name + "'" : "calling this");
    }
    SourceLoc loc = c.loc;
    if (std::optional<Fold> fold = foldOf(callable->name)) {
      if (const Expr* items = foldedItems(c)) {
        for (const Keyword& k : c.keywords)
          if (k.arg != "key" || (fold != Fold::Min && fold != Fold::Max))
            return unsupported(c, "'" + k.arg + "=' in " + std::string(callable->name) + "(...)");
        return lowerComprehension(*items, *fold, keyOf(c));
      }
    }
    if (callable->name == "sorted")
      return lowerSorted(c);
    if (callable->name == "isinstance")
      return lowerIsinstance(c);
    if (callable->name == "reversed")
      return unsupported(c, "reversed(...) other than iterated (in a for, a comprehension or a method's argument)");
    if (callable->name == "zip" || callable->name == "enumerate")
      return unsupported(c, std::string(callable->name) + "(...) other than iterated by a for or a comprehension");
    switch (callable->form) {
    case Form::Math1:
    case Form::Math1Overflow: {
      auto a = lowerArgs(c, 1, 1);
      if (!a || refuseDraws(*c.args[0], "'" + std::string(callable->name) + "'"))
        return {};
      Lowered x = asFloat(std::move((*a)[0]), *c.args[0]);
      if (!x)
        return {};
      ast::ExprPtr copy = lower(*c.args[0]).expr;
      copy = asFloat({std::move(copy), typeOf(*c.args[0])}, *c.args[0]).expr;
      ast::ExprPtr r = call(std::string(callable->dsl), args(std::move(x.expr)), loc, c.length);
      return {call(callable->form == Form::Math1 ? "py_math" : "py_math_overflow", args(std::move(r), std::move(copy)),
                   loc, c.length),
              PyType::Float};
    }
    case Form::MathToInt: {
      auto a = lowerArgs(c, 1, 1);
      if (!a)
        return {};
      if ((*a)[0].type == PyType::Int || (*a)[0].type == PyType::Bool)
        return coerce(std::move((*a)[0]), PyType::Int, c);
      Lowered x = asFloat(std::move((*a)[0]), *c.args[0]);
      if (!x)
        return {};
      return {call("py_int", args(call(std::string(callable->dsl), args(std::move(x.expr)), loc)), loc, c.length),
              PyType::Int};
    }
    case Form::Numpy1:
    case Form::Numpy2:
    case Form::Plain2: {
      size_t n = callable->form == Form::Numpy1 ? 1 : 2;
      auto a = lowerArgs(c, n, n);
      if (!a)
        return {};
      std::vector<ast::ExprPtr> xs;
      for (size_t i = 0; i < n; ++i) {
        Lowered x = asFloat(std::move((*a)[i]), *c.args[i]);
        if (!x)
          return {};
        xs.push_back(std::move(x.expr));
      }
      return {call(std::string(callable->dsl), std::move(xs), loc, c.length),
              callable->form == Form::Plain2 ? PyType::Float : PyType::NpFloat};
    }
    case Form::StrMethod: return lowerMethod(c, *callable);
    case Form::Special: return lowerSpecial(c, callable->name);
    }
    return {};
  }

  // A draw of Python's random or NumPy's np.random (one value: `size=` and
  // array shapes are refused), its arguments bound by position or keyword.
  Lowered lowerRandom(const Call& c, const RandomFunction& f) {
    size_t arity = 0;
    while (arity < f.params.size() && !f.params[arity].name.empty())
      ++arity;
    if (c.args.size() > arity)
      return unsupported(c, "'" + std::string(f.name) + "' with " + std::to_string(c.args.size()) +
                                " arguments (findc draws one value)");
    std::array<const Expr*, 2> given{};
    for (size_t i = 0; i < c.args.size(); ++i)
      given[i] = c.args[i].get();
    for (const Keyword& k : c.keywords) {
      size_t i = 0;
      while (i < arity && f.params[i].name != k.arg)
        ++i;
      if (i == arity)
        return unsupported(c, "'" + std::string(f.name) + "' with '" + k.arg + "=' (findc draws one value)");
      given[i] = k.value.get();
    }
    std::vector<ast::ExprPtr> xs;
    for (size_t i = 0; i < arity; ++i) {
      const RandomParam& p = f.params[i];
      if (!given[i]) {
        if (!p.defaultValue)
          return unsupported(c, "'" + std::string(f.name) + "' without '" + std::string(p.name) + "'");
        xs.push_back(realLit(*p.defaultValue, c.loc));
        continue;
      }
      Lowered x = lower(*given[i]);
      if (!x)
        return {};
      if (f.result == PyType::Int) {
        if (x.type != PyType::Int && x.type != PyType::Bool)
          return unsupported(*given[i], "'" + std::string(f.name) + "' of a " + std::string(pyTypeName(x.type)));
        x = coerce(std::move(x), PyType::Int, *given[i]);
      } else {
        x = asFloat(std::move(x), *given[i]);
      }
      if (!x)
        return {};
      xs.push_back(std::move(x.expr));
    }
    if (f.name == "numpy.random.randn")
      return {call("py_gauss", args(realLit(0.0, c.loc), realLit(1.0, c.loc)), c.loc, c.length), PyType::Float};
    return {call(std::string(f.dsl), std::move(xs), c.loc, c.length), f.result};
  }

  // The classes `isinstance(v, C)` and `except C:` name: C, or each item
  // of a tuple C.
  static std::vector<const Expr*> classesOf(const Expr& e) {
    std::vector<const Expr*> classes;
    if (auto* t = dyn<Tuple>(&e))
      for (const ExprPtr& item : t->elts)
        classes.push_back(item.get());
    else
      classes.push_back(&e);
    return classes;
  }

  // sorted(s) (a str's characters), sorted(list); reverse=BOOL.
  Lowered lowerSorted(const Call& c) {
    if (c.args.size() != 1)
      return unsupported(c, "sorted of other than one iterable");
    ast::ExprPtr reverse = std::make_unique<ast::BoolLit>(c.loc, 1, false);
    for (const Keyword& k : c.keywords) {
      if (k.arg == "key")
        continue;
      if (k.arg != "reverse")
        return unsupported(c, "sorted with '" + k.arg + "=' (findc sorts with key= and reverse=)");
      Lowered r = lower(*k.value);
      if (r && r.type != PyType::Bool) // CPython takes an int there: TypeError for a float, a str, ...
        r = coerce(std::move(r), PyType::Int, *k.value);
      if (!r)
        return {};
      reverse = truth(std::move(r), k.loc);
    }
    Lowered items = lowerArgument(*c.args[0]);
    if (!items)
      return {};
    if (const Expr* keys = sortKeys(c)) { // sorted_by(l, [key(v) for v in l], reverse)
      if (!isList(items.type))
        return unsupported(c, "sorted(..., key=) of a " + std::string(pyTypeName(items.type)) + " (findc sorts lists by a key)");
      Lowered k = lowerComprehension(*keys, Fold::List);
      if (!k)
        return {};
      return {call("sorted_by", args(std::move(items.expr), std::move(k.expr), std::move(reverse)), c.loc, c.length),
              items.type};
    }
    if (items.type != PyType::Str && !isList(items.type))
      return unsupported(c, "sorted of a " + std::string(pyTypeName(items.type)));
    PyType t = items.type == PyType::Str ? PyType::StrList : items.type;
    return {call("sorted", args(std::move(items.expr), std::move(reverse)), c.loc, c.length), t};
  }

  // isinstance(v, T) or (v, (T1, T2)): decided by v's inferred type, except
  // that a complex-typed value may hold a float (is_complex at run time).
  Lowered lowerIsinstance(const Call& c) {
    if (c.args.size() != 2 || !c.keywords.empty())
      return unsupported(c, "isinstance with other than two arguments");
    std::vector<const Expr*> classes = classesOf(*c.args[1]);
    Lowered v = lower(*c.args[0]);
    if (!v)
      return {};
    bool isFloat = false, isComplex = false;
    for (const Expr* e : classes) {
      auto* n = dyn<Name>(e);
      std::optional<std::string> q = n ? std::nullopt : dottedName(*e);
      std::string cls = n ? n->id : q.value_or("");
      bool known = true;
      switch (v.type) { // Python's classes of each inferred type (bool is an int; numpy.float64 a float)
      case PyType::Bool: known = cls == "bool" || cls == "int"; break;
      case PyType::Int: known = cls == "int"; break;
      case PyType::Float: known = cls == "float"; break;
      case PyType::NpFloat: known = cls == "float" || cls == "numpy.float64" || cls == "numpy.floating"; break;
      case PyType::Str: known = cls == "str"; break;
      case PyType::StrList:
      case PyType::IntList:
      case PyType::FloatList:
      case PyType::EmptyList: known = cls == "list"; break;
      case PyType::StrDict:
      case PyType::StrIntDict:
      case PyType::StrFloatDict:
      case PyType::IntStrDict:
      case PyType::IntIntDict:
      case PyType::IntFloatDict:
      case PyType::EmptyDict: known = cls == "dict"; break;
      case PyType::Complex:
        known = false;
        isFloat |= cls == "float";
        isComplex |= cls == "complex";
        break;
      default: return unsupported(c, "isinstance of this value");
      }
      static const std::set<std::string, std::less<>> kClasses = {
          "bool", "int", "float", "complex", "str", "list", "dict", "tuple", "set", "numpy.float64", "numpy.floating"};
      if (!kClasses.count(cls))
        return unsupported(*e, "isinstance with this class (findc knows bool, int, float, complex, str, list, dict)");
      if (known)
        return {std::make_unique<ast::BoolLit>(c.loc, 1, true), PyType::Bool};
    }
    if (isFloat && isComplex)
      return {std::make_unique<ast::BoolLit>(c.loc, 1, true), PyType::Bool};
    if (isFloat || isComplex) {
      ast::ExprPtr test = call("is_complex", args(std::move(v.expr)), c.loc);
      if (isFloat)
        test = std::make_unique<ast::Unary>(c.loc, 1, ast::UnaryOp::Not, std::move(test));
      return {std::move(test), PyType::Bool};
    }
    return {std::make_unique<ast::BoolLit>(c.loc, 1, false), PyType::Bool};
  }

  Lowered lowerMethod(const Call& c, const Callable& callable) {
    auto* attribute = dyn<Attribute>(c.func.get());
    Lowered receiver = lower(*attribute->value);
    if (!receiver)
      return {};
    if (!c.keywords.empty()) {
      error(c.keywords[0].loc, "keyword arguments to '" + std::string(callable.name) + "' are not supported yet");
      return {};
    }
    std::vector<Lowered> lowered;
    for (const ExprPtr& x : c.args) {
      lowered.push_back(lowerArgument(*x));
      if (!lowered.back())
        return {};
    }
    std::vector<ast::ExprPtr> xs;
    xs.push_back(std::move(receiver.expr));
    for (Lowered& x : lowered)
      xs.push_back(std::move(x.expr));
    for (const MethodDefault& d : kMethodDefaults)
      if (d.method == callable.name && d.whenGiven == c.args.size())
        xs.push_back(std::holds_alternative<int64_t>(d.value)
                         ? intLit(std::get<int64_t>(d.value), c.loc)
                         : strLit(std::string(std::get<std::string_view>(d.value)), c.loc));
    return {call(std::string(callable.dsl), std::move(xs), c.loc, c.length), callable.result};
  }

  // Arguments of a method: a generator expression (`''.join(c for c in s)`)
  // is its list.
  Lowered lowerArgument(const Expr& a) {
    if (dyn<GeneratorExp>(&a))
      return lowerComprehension(a, Fold::List);
    if (const Call* r = builtinCall(a, "reversed", 1))
      return lowerReversed(*r);
    return keysIfDict(lower(a));
  }

  // reversed(x) where it is iterated (a for, a method's argument): the
  // items of x[::-1], the order Python's reverse iterator gives.
  Lowered lowerReversed(const Call& reversed) {
    Lowered s = lower(*reversed.args[0]);
    if (!s)
      return {};
    if (!isSliceable(s.type))
      return unsupported(reversed, "reversed of a " + std::string(pyTypeName(s.type)));
    auto slice = std::make_unique<ast::Slice>(reversed.loc, reversed.length, std::move(s.expr));
    slice->step = std::make_unique<ast::Unary>(reversed.loc, 1, ast::UnaryOp::Neg, intLit(1, reversed.loc));
    return {std::move(slice), s.type};
  }

  // dict(), d.get(k, default), d.keys(), d.values(); d.items() where a
  // for or a comprehension unpacks it (lowerSequence).
  Lowered lowerDict(const Call& c, std::string_view name) {
    SourceLoc loc = c.loc;
    if (name == "dict") {
      if (!c.args.empty() || !c.keywords.empty())
        return unsupported(c, "dict(...) of arguments (findc builds dicts from {...} and d[k] = v)");
      return {std::make_unique<ast::MapLit>(loc, c.length), PyType::EmptyDict};
    }
    if (name == "dict.items")
      return unsupported(c, "d.items() other than unpacked by a for or a comprehension (for k, v in d.items())");
    if (name == "dict.get" && c.args.size() == 1)
      return unsupported(c, "d.get(k) without a default (None is not a value findc has; write d.get(k, default), "
                            "or key=d.get in min, max and sorted)");
    auto a = lowerArgs(c, name == "dict.get" ? 2 : 0, name == "dict.get" ? 2 : 0);
    if (!a)
      return {};
    Lowered d = lower(*static_cast<const Attribute&>(*c.func).value);
    if (!d)
      return {};
    if (!isDict(d.type))
      return unsupported(c, "'" + std::string(name) + "' of a dict that is never given an item");
    if (name == "dict.keys" || name == "dict.values")
      return {call(name == "dict.keys" ? "keys" : "values", args(std::move(d.expr)), loc, c.length),
              listOf(name == "dict.keys" ? dictKey(d.type) : dictValue(d.type))};
    PyType t = dictValue(d.type);
    if (join(t, (*a)[1].type) != t)
      return unsupported(*c.args[1], "a " + std::string(pyTypeName((*a)[1].type)) + " default of get on a " +
                                         std::string(pyTypeName(d.type)) + " (one type of value)");
    Lowered key = dictKeyOf(std::move((*a)[0]), d.type, *c.args[0]);
    Lowered fallback = coerce(std::move((*a)[1]), t, *c.args[1]);
    if (!key || !fallback)
      return {};
    return {call("get", args(std::move(d.expr), std::move(key.expr), std::move(fallback.expr)), loc, c.length), t};
  }

  Lowered lowerSpecial(const Call& c, std::string_view name) {
    SourceLoc loc = c.loc;
    if (name == "dict" || name.starts_with("dict."))
      return lowerDict(c, name);
    if (name == "math.log") {
      auto a = lowerArgs(c, 1, 2);
      if (!a)
        return {};
      for (const ExprPtr& arg : c.args)
        if (refuseDraws(*arg, "'math.log'"))
          return {};
      auto logOf = [&](size_t i) -> ast::ExprPtr {
        Lowered x = asFloat(lower(*c.args[i]), *c.args[i]);
        Lowered copy = asFloat(lower(*c.args[i]), *c.args[i]);
        if (!x || !copy)
          return nullptr;
        return call("py_math", args(call("log", args(std::move(x.expr)), loc), std::move(copy.expr)), loc);
      };
      ast::ExprPtr value = logOf(0);
      if (!value)
        return {};
      if (a->size() == 1)
        return {std::move(value), PyType::Float};
      ast::ExprPtr base = logOf(1);
      if (!base)
        return {};
      return {call("py_div", args(std::move(value), std::move(base)), loc, c.length), PyType::Float};
    }
    auto a = lowerArgs(c, 1, 4);
    if (!a)
      return {};
    std::vector<Lowered>& xs = *a;
    auto want = [&](size_t n) {
      if (xs.size() == n)
        return true;
      error(c, "'" + std::string(name) + "' takes " + std::to_string(n) + " argument" + (n == 1 ? "" : "s") +
                   " here, not " + std::to_string(xs.size()));
      return false;
    };
    if (name == "math.isnan" || name == "math.isinf" || name == "math.isfinite") {
      if (!want(1) || refuseDraws(*c.args[0], "'" + std::string(name) + "'"))
        return {};
      Lowered x = asFloat(std::move(xs[0]), *c.args[0]);
      if (!x)
        return {};
      if (name == "math.isnan") {
        Lowered copy = asFloat(lower(*c.args[0]), *c.args[0]);
        return {compare(ast::CompareOp::Ne, std::move(x.expr), std::move(copy.expr), loc), PyType::Bool};
      }
      ast::CompareOp op = name == "math.isinf" ? ast::CompareOp::Eq : ast::CompareOp::Lt;
      return {compare(op, call("abs", args(std::move(x.expr)), loc), realLit(INFINITY, loc), loc), PyType::Bool};
    }
    if (name == "math.degrees" || name == "math.radians") {
      if (!want(1))
        return {};
      Lowered x = asFloat(std::move(xs[0]), *c.args[0]);
      if (!x)
        return {};
      double factor = name == "math.degrees" ? 180.0 / 3.141592653589793 : 3.141592653589793 / 180.0;
      return {binary(ast::BinaryOp::Mul, std::move(x.expr), realLit(factor, loc), loc, loc), PyType::Float};
    }
    if (name == "numpy.square") {
      if (!want(1) || refuseDraws(*c.args[0], "'numpy.square'"))
        return {};
      Lowered x = asFloat(std::move(xs[0]), *c.args[0]);
      Lowered copy = asFloat(lower(*c.args[0]), *c.args[0]);
      if (!x || !copy)
        return {};
      return {binary(ast::BinaryOp::Mul, std::move(x.expr), std::move(copy.expr), loc, loc), PyType::NpFloat};
    }
    if (name == "numpy.power" || name == "pow") {
      if (!want(2))
        return {};
      if (name == "pow")
        return lowerBinary(Operator::Pow, std::move(xs[0]), std::move(xs[1]), *c.args[1], c, loc);
      Lowered x = asFloat(std::move(xs[0]), *c.args[0]), y = asFloat(std::move(xs[1]), *c.args[1]);
      if (!x || !y)
        return {};
      return {binary(ast::BinaryOp::Pow, std::move(x.expr), std::move(y.expr), loc, loc), PyType::NpFloat};
    }
    if (name == "numpy.where") {
      if (!want(3))
        return {};
      if (isIntegral(xs[1].type) && isIntegral(xs[2].type)) { // NumPy's int64 (findc's int: OverflowError past it)
        Lowered a = coerce(std::move(xs[1]), PyType::Int, *c.args[1]), b = coerce(std::move(xs[2]), PyType::Int, *c.args[2]);
        return {conditional(truth(std::move(xs[0]), loc), std::move(a.expr), std::move(b.expr), loc), PyType::Int};
      }
      Lowered a = asFloat(std::move(xs[1]), *c.args[1]), b = asFloat(std::move(xs[2]), *c.args[2]);
      if (!a || !b)
        return {};
      return {call("where", args(truth(std::move(xs[0]), loc), std::move(a.expr), std::move(b.expr)), loc, c.length),
              PyType::NpFloat};
    }
    if (name == "numpy.clip") {
      if (!want(3))
        return {};
      Lowered x = asFloat(std::move(xs[0]), *c.args[0]), lo = asFloat(std::move(xs[1]), *c.args[1]),
              hi = asFloat(std::move(xs[2]), *c.args[2]);
      if (!x || !lo || !hi)
        return {};
      return {call("min", args(call("max", args(std::move(x.expr), std::move(lo.expr)), loc), std::move(hi.expr)), loc,
                   c.length),
              PyType::NpFloat};
    }
    if (name == "abs") {
      if (!want(1))
        return {};
      PyType t = xs[0].type == PyType::Complex ? PyType::Float : xs[0].type == PyType::Bool ? PyType::Int : xs[0].type;
      if (!isNumber(xs[0].type))
        return unsupported(c, "abs of a " + std::string(pyTypeName(xs[0].type)));
      Lowered x = xs[0].type == PyType::Bool ? coerce(std::move(xs[0]), PyType::Int, c) : std::move(xs[0]);
      return {call("abs", args(std::move(x.expr)), loc, c.length), t};
    }
    if (name == "min" || name == "max") {
      // Python keeps the first of equal or unordered (NaN) values: each
      // later value replaces the current one only if strictly smaller
      // (larger). Each value is lowered once per use: they are pure.
      if (xs.size() < 2)
        return unsupported(c, "'" + std::string(name) + "' of one iterable");
      for (const ExprPtr& arg : c.args)
        if (refuseDraws(*arg, "'" + std::string(name) + "'"))
          return {};
      PyType t = typeOf(c);
      if (!isNumber(t) || t == PyType::Complex)
        return unsupported(c, "'" + std::string(name) + "' of these values");
      ast::CompareOp better = name == "min" ? ast::CompareOp::Lt : ast::CompareOp::Gt;
      std::function<ast::ExprPtr(size_t)> best = [&](size_t k) -> ast::ExprPtr {
        // the best of values 0..k
        if (k == 0)
          return coerce(lower(*c.args[0]), t, *c.args[0]).expr;
        ast::ExprPtr candidate = coerce(lower(*c.args[k]), t, *c.args[k]).expr;
        ast::ExprPtr again = coerce(lower(*c.args[k]), t, *c.args[k]).expr;
        return conditional(compare(better, std::move(candidate), best(k - 1), loc), std::move(again), best(k - 1), loc);
      };
      if (xs.size() > 4)
        return unsupported(c, "'" + std::string(name) + "' of more than 4 values");
      return {best(xs.size() - 1), t};
    }
    if (name == "int") {
      if (!want(1))
        return {};
      if (xs[0].type == PyType::Int || xs[0].type == PyType::Bool)
        return coerce(std::move(xs[0]), PyType::Int, c);
      if (xs[0].type == PyType::Str)
        return {call("py_int", args(std::move(xs[0].expr)), loc, c.length), PyType::Int};
      if (!isReal(xs[0].type))
        return unsupported(c, "int of a " + std::string(pyTypeName(xs[0].type)));
      return {call("py_int", args(std::move(xs[0].expr)), loc, c.length), PyType::Int};
    }
    if (name == "round" && xs.size() == 2) {
      // round(x, n): an int stays an int (findc rounds ints to n >= 0
      // digits only); a float is correctly rounded (py_round); a NumPy
      // float is NumPy's around: x * 10**n, rint, / 10**n.
      int64_t n = 0;
      bool constant = isConstantIntegral(*c.args[1], &n);
      if (isIntegral(xs[0].type)) {
        if (!constant || n < 0)
          return unsupported(c, "round of an int to digits that are not a constant >= 0");
        return coerce(std::move(xs[0]), PyType::Int, c);
      }
      if (!isIntegral(xs[1].type))
        return unsupported(c, "round with digits that are not an int");
      if (xs[0].type == PyType::NpFloat) {
        if (!constant || n < -22 || n > 22)
          return unsupported(c, "round of a NumPy float to digits that are not a constant in [-22, 22]");
        double scale = std::pow(10.0, static_cast<double>(n < 0 ? -n : n)); // exact up to 1e22
        ast::BinaryOp there = n >= 0 ? ast::BinaryOp::Mul : ast::BinaryOp::Div;
        ast::BinaryOp back = n >= 0 ? ast::BinaryOp::Div : ast::BinaryOp::Mul;
        ast::ExprPtr scaled = binary(there, std::move(xs[0].expr), realLit(scale, loc), loc, loc);
        return {binary(back, call("round", args(std::move(scaled)), loc), realLit(scale, loc), loc, loc),
                PyType::NpFloat};
      }
      if (!isReal(xs[0].type))
        return unsupported(c, "round of a " + std::string(pyTypeName(xs[0].type)));
      Lowered digits = coerce(std::move(xs[1]), PyType::Int, c);
      return {call("py_round", args(std::move(xs[0].expr), std::move(digits.expr)), loc, c.length), PyType::Float};
    }
    if (name == "math.hypot") { // CPython's own algorithm (py_hypot), of 1 to 3 coordinates
      if (xs.size() > 3)
        return unsupported(c, "math.hypot of more than 3 coordinates");
      std::vector<ast::ExprPtr> coordinates;
      for (size_t i = 0; i < xs.size(); ++i) {
        Lowered x = asFloat(std::move(xs[i]), *c.args[i]);
        if (!x)
          return {};
        coordinates.push_back(std::move(x.expr));
      }
      if (coordinates.size() == 1) // vector_norm of one coordinate: its magnitude
        return {call("abs", std::move(coordinates), loc, c.length), PyType::Float};
      return {call("py_hypot", std::move(coordinates), loc, c.length), PyType::Float};
    }
    if (name == "math.pow") {
      if (!want(2))
        return {};
      Lowered x = asFloat(std::move(xs[0]), *c.args[0]), y = asFloat(std::move(xs[1]), *c.args[1]);
      if (!x || !y)
        return {};
      return {call("py_math_pow", args(std::move(x.expr), std::move(y.expr)), loc, c.length), PyType::Float};
    }
    if (name == "round") {
      if (xs.size() != 1)
        return unsupported(c, "round with more than two arguments");
      if (xs[0].type == PyType::Int || xs[0].type == PyType::Bool)
        return coerce(std::move(xs[0]), PyType::Int, c);
      if (!isReal(xs[0].type))
        return unsupported(c, "round of a " + std::string(pyTypeName(xs[0].type)));
      // round-half-even to an int, as Python's round(x)
      return {call("py_int", args(call("round", args(std::move(xs[0].expr)), loc)), loc, c.length), PyType::Int};
    }
    if (name == "float") {
      if (!want(1))
        return {};
      if (auto* text = dyn<Constant>(c.args[0].get()); text && text->type == Constant::Type::Str)
        if (std::optional<double> value = rt::pythonFloatOf(text->strValue)) // float('inf'): a constant
          return {realLit(*value, loc), PyType::Float};
      if (xs[0].type == PyType::Str)
        return {call("py_float", args(std::move(xs[0].expr)), loc, c.length), PyType::Float};
      if (!isNumber(xs[0].type) || xs[0].type == PyType::Complex)
        return unsupported(c, "float of a " + std::string(pyTypeName(xs[0].type)));
      return coerce(std::move(xs[0]), PyType::Float, c);
    }
    if (name == "bool") {
      if (!want(1))
        return {};
      return {truth(std::move(xs[0]), loc), PyType::Bool};
    }
    if (name == "len" || name == "ord" || name == "chr" || name == "str") {
      if (!want(1))
        return {};
      PyType t = name == "len" || name == "ord" ? PyType::Int : PyType::Str;
      Lowered x = name == "chr" ? coerce(std::move(xs[0]), PyType::Int, c) : std::move(xs[0]);
      if (name == "str" && x.type == PyType::Str)
        return x;
      if (name == "str" && x.type == PyType::NpFloat)
        x.type = PyType::Float;
      return {call(std::string(name), args(std::move(x.expr)), loc, c.length), t};
    }
    return unsupported(c, "the function '" + std::string(name) + "'");
  }

  Lowered lowerUserCall(const Call& c, FunctionInfo& callee) {
    auto node = std::make_unique<ast::Call>(c.loc, c.length, callee.def->name, width(callee.def->name));
    for (size_t i = 0; i < c.args.size(); ++i) {
      PyType t = i < callee.params.size() ? callee.params[i] : PyType::Conflict;
      Lowered a = coerce(lower(*c.args[i]), t, *c.args[i]);
      if (!a)
        return {};
      node->args.push_back({"", {}, std::move(a.expr)});
    }
    for (const Keyword& k : c.keywords) {
      PyType* t = paramSlot(callee, k.arg);
      Lowered a = coerce(lower(*k.value), t ? *t : PyType::Conflict, *k.value);
      if (!a)
        return {};
      node->args.push_back({k.arg, k.loc, std::move(a.expr)});
    }
    return {std::move(node), callee.result};
  }

  // What a `for` iterates: range(...) with int bounds, or a str or a list.
  ast::ExprPtr lowerIterable(const Expr& iter) {
    if (const Call* reversed = builtinCall(iter, "reversed", 1))
      return lowerReversed(*reversed).expr;
    if (const Call* call = builtinCall(iter, "range", 0, SIZE_MAX)) {
      auto range = std::make_unique<ast::Call>(call->loc, call->length, "range", 5);
      for (const ExprPtr& a : call->args) {
        Lowered bound = coerce(lower(*a), PyType::Int, *a);
        if (!bound)
          return nullptr;
        range->args.push_back({"", {}, std::move(bound.expr)});
      }
      return range;
    }
    return keysIfDict(lower(iter)).expr;
  }

  // A dict where it is iterated: the list of its keys, in insertion order.
  static Lowered keysIfDict(Lowered v) {
    if (!v || !isDict(v.type))
      return v;
    SourceLoc loc = v.expr->loc;
    return {call("keys", args(std::move(v.expr)), loc), iterated(v.type)};
  }

  // ---- comprehensions: each a function of its own ----
  // `[e for v in it if c]`, and a generator or list comprehension as the
  // one argument of sum, any, all, min, max or str.join, becomes a helper
  // function of the enclosing names it reads, called in place (so it runs
  // exactly where and when Python runs it). One `for`, one name.

  static bool isComprehension(const Expr& e) { return dyn<ListComp>(&e) || dyn<GeneratorExp>(&e); }

  static std::pair<const Expr*, const std::vector<Comprehension>*> partsOf(const Expr& e) {
    if (auto* l = dyn<ListComp>(&e))
      return {l->elt.get(), &l->generators};
    auto& g = static_cast<const GeneratorExp&>(e);
    return {g.elt.get(), &g.generators};
  }

  // The type of the items: the element with the targets bound.
  PyType itemType(const Expr& e) {
    auto [elt, generators] = partsOf(e);
    size_t scope = comprehension_.size();
    for (const Comprehension& g : *generators) {
      bindTypes(*g.target, g.iter.get(), [&](const Expr& n, PyType t) {
        comprehension_.emplace_back(static_cast<const Name&>(n).id, t);
      });
      for (const ExprPtr& c : g.ifs)
        typeOf(*c);
    }
    PyType t = typeOf(*elt);
    comprehension_.resize(scope);
    return t;
  }

  // The names a target binds.
  static void targetNames(const Expr& target, std::set<std::string, std::less<>>& out) {
    if (auto* n = dyn<Name>(&target))
      out.insert(n->id);
    else if (const ExprList* elts = targetElements(target))
      for (const ExprPtr& x : *elts)
        targetNames(*x, out);
  }

  // Every name read in `e`, in order, once.
  static void namesIn(const Expr* e, std::vector<std::string>& out) {
    walk(e, [&](const Expr& x) {
      if (auto* n = dyn<Name>(&x); n && std::find(out.begin(), out.end(), n->id) == out.end())
        out.push_back(n->id);
    });
  }

  // visit(x) for e and every expression in it, outside in, left to right
  // (not into a lambda's body).
  template <class Visit> static void walk(const Expr* e, Visit&& visit) {
    if (!e)
      return;
    visit(*e);
    auto all = [&](const ExprList& list) {
      for (const ExprPtr& x : list)
        walk(x.get(), visit);
    };
    switch (e->kind) {
    case ExprKind::Name: return;
    case ExprKind::Attribute: walk(static_cast<const Attribute*>(e)->value.get(), visit); return;
    case ExprKind::UnaryOp: walk(static_cast<const UnaryOp*>(e)->operand.get(), visit); return;
    case ExprKind::BinOp:
      walk(static_cast<const BinOp*>(e)->left.get(), visit);
      walk(static_cast<const BinOp*>(e)->right.get(), visit);
      return;
    case ExprKind::BoolOp: all(static_cast<const BoolOp*>(e)->values); return;
    case ExprKind::Compare:
      walk(static_cast<const Compare*>(e)->left.get(), visit);
      all(static_cast<const Compare*>(e)->comparators);
      return;
    case ExprKind::IfExp: {
      auto* i = static_cast<const IfExp*>(e);
      walk(i->test.get(), visit);
      walk(i->body.get(), visit);
      walk(i->orelse.get(), visit);
      return;
    }
    case ExprKind::Call: {
      auto* c = static_cast<const Call*>(e);
      walk(c->func.get(), visit);
      all(c->args);
      for (const Keyword& k : c->keywords)
        walk(k.value.get(), visit);
      return;
    }
    case ExprKind::Subscript:
      walk(static_cast<const Subscript*>(e)->value.get(), visit);
      walk(static_cast<const Subscript*>(e)->slice.get(), visit);
      return;
    case ExprKind::Slice: {
      auto* s = static_cast<const Slice*>(e);
      walk(s->lower.get(), visit);
      walk(s->upper.get(), visit);
      walk(s->step.get(), visit);
      return;
    }
    case ExprKind::List: all(static_cast<const List*>(e)->elts); return;
    case ExprKind::Tuple: all(static_cast<const Tuple*>(e)->elts); return;
    case ExprKind::Dict:
      all(static_cast<const Dict*>(e)->keys);
      all(static_cast<const Dict*>(e)->values);
      return;
    case ExprKind::JoinedStr: all(static_cast<const JoinedStr*>(e)->values); return;
    case ExprKind::ListComp:
    case ExprKind::GeneratorExp: {
      auto [elt, generators] = partsOf(*e);
      walk(elt, visit);
      for (const Comprehension& g : *generators) {
        walk(g.iter.get(), visit);
        all(g.ifs);
      }
      return;
    }
    case ExprKind::Constant:
    case ExprKind::Lambda: return;
    }
  }

  // Whether evaluating e may draw a random number: a call of Python's
  // random or np.random, or of a function of the file that draws. The
  // lowering writes some operands twice (min/max, and/or of values, math.f's
  // domain check, np.square), which is sound for pure values only: a draw
  // there is refused (refuseDraws), since each copy would draw anew.
  bool draws(const Expr& e) {
    bool found = false;
    walk(&e, [&](const Expr& x) {
      auto* call = dyn<Call>(&x);
      if (found || !call)
        return;
      if (auto* n = dyn<Name>(call->func.get()); n && !isLocal(n->id) && defs_.count(n->id))
        found = functionDraws(n->id);
      else if (std::optional<std::string> name = calleeName(*call))
        found = findRandomFunction(*name) != nullptr;
    });
    return found;
  }

  bool functionDraws(const std::string& name) {
    if (auto known = functionDraws_.find(name); known != functionDraws_.end())
      return known->second;
    functionDraws_[name] = false; // a cycle is refused elsewhere
    std::function<bool(const StmtList&)> any = [&](const StmtList& body) {
      for (const StmtPtr& stmt : body) {
        const Stmt* st = stmt.get();
        bool drawn = false;
        if (auto* a = dyn<Assign>(st))
          drawn = draws(*a->value);
        else if (auto* a = dyn<AugAssign>(st))
          drawn = draws(*a->value);
        else if (auto* r = dyn<Return>(st))
          drawn = r->value && draws(*r->value);
        else if (auto* i = dyn<If>(st))
          drawn = draws(*i->test) || any(i->body) || any(i->orelse);
        else if (auto* f = dyn<For>(st))
          drawn = draws(*f->iter) || any(f->body) || any(f->orelse);
        else if (auto* w = dyn<While>(st))
          drawn = draws(*w->test) || any(w->body) || any(w->orelse);
        else if (auto* e = dyn<ExprStmt>(st))
          drawn = draws(*e->value);
        else if (auto* t = dyn<Try>(st)) {
          drawn = any(t->body) || any(t->orelse);
          for (const ExceptHandler& h : t->handlers)
            drawn = drawn || any(h.body);
        }
        if (drawn)
          return true;
      }
      return false;
    };
    return functionDraws_[name] = any(defs_.at(name)->body);
  }

  // A located error where `e`, which the lowering of `construct` writes
  // twice, draws a random number.
  bool refuseDraws(const Expr& e, std::string_view construct) {
    if (!draws(e))
      return false;
    unsupported(e, "a random draw inside " + std::string(construct) + " (findc would draw it twice; assign it to a "
                   "variable first)");
    return true;
  }

  enum class Fold : uint8_t { List, Sum, Any, All, Min, Max };

  static std::optional<Fold> foldOf(std::string_view callable) {
    if (callable == "sum") return Fold::Sum;
    if (callable == "any") return Fold::Any;
    if (callable == "all") return Fold::All;
    if (callable == "min") return Fold::Min;
    if (callable == "max") return Fold::Max;
    return std::nullopt;
  }

  // ---- lambdas bound to names: defs of their own ----
  // `NAME = lambda a: e` is `def NAME(a): return e`. Inside a function the
  // def is the module's, named __findc_lambda_FN_NAME, and takes first the
  // enclosing function's names its body reads (passed at each call, so it
  // reads their values at the call, as Python's closure does).
  std::vector<std::unique_ptr<FunctionDef>> lambdaDefs_;
  struct LocalLambda {
    const Lambda* lambda;
    const FunctionDef* def;
    std::vector<std::string> captured;
  };
  std::map<std::pair<const FunctionDef*, std::string>, LocalLambda> localLambdas_;

  static const Lambda* boundLambda(const Stmt& stmt) {
    auto* a = dyn<Assign>(&stmt);
    if (!a || a->targets.size() != 1 || !dyn<Name>(a->targets[0].get()))
      return nullptr;
    return dyn<Lambda>(a->value.get());
  }

  const FunctionDef* defOfLambda(std::string name, SourceLoc nameLoc, const Lambda& lambda,
                                 const std::vector<std::string>& captured) {
    auto def = std::make_unique<FunctionDef>(lambda.loc, std::move(name), nameLoc);
    for (const std::string& c : captured)
      def->args.push_back({c, lambda.loc, nullptr});
    for (const Arg& a : lambda.args)
      def->args.push_back({a.name, a.loc, a.defaultValue ? clone(*a.defaultValue) : nullptr});
    def->body.push_back(std::make_unique<Return>(lambda.body->loc, clone(*lambda.body)));
    lambdaDefs_.push_back(std::move(def));
    return lambdaDefs_.back().get();
  }

  void bindLocalLambda(FunctionInfo& info, const Name& name, const Lambda& lambda) {
    auto key = std::make_pair(info.def, name.id);
    if (auto it = localLambdas_.find(key); it != localLambdas_.end()) {
      if (it->second.lambda != &lambda)
        unsupported(name, "a name bound to two lambdas");
      return;
    }
    std::set<std::string> bound; // the enclosing function's names
    for (const Arg& a : info.def->args)
      bound.insert(a.name);
    for (const StmtPtr& s : info.def->body)
      collectBoundNames(*s, bound);
    std::vector<std::string> read, captured;
    namesIn(lambda.body.get(), read);
    auto capture = [&](const std::string& n) {
      if (std::find(captured.begin(), captured.end(), n) == captured.end())
        captured.push_back(n);
    };
    for (const std::string& n : read) {
      if (std::any_of(lambda.args.begin(), lambda.args.end(), [&](const Arg& a) { return a.name == n; }))
        continue;
      if (auto other = localLambdas_.find(std::make_pair(info.def, n)); other != localLambdas_.end())
        std::for_each(other->second.captured.begin(), other->second.captured.end(), capture); // what its call passes
      else if (bound.count(n) && n != name.id)
        capture(n);
    }
    std::string defName = "__findc_lambda_" + info.def->name + "_" + name.id;
    const FunctionDef* def = defOfLambda(defName, name.loc, lambda, captured);
    defs_[defName] = def;
    lambdaScopes_[def] = info.def;
    localLambdas_.emplace(key, LocalLambda{&lambda, def, std::move(captured)});
  }
  // A local lambda's def -> the function it was written in (whose other
  // lambdas it may call).
  std::map<const FunctionDef*, const FunctionDef*> lambdaScopes_;

  // `g(args)` of a local lambda g: `__findc_lambda_FN_g(captured..., args)`.
  const Call* localLambdaCall(const Call& c) {
    auto* callee = dyn<Name>(c.func.get());
    if (!callee || !current_)
      return nullptr;
    const FunctionDef* scope = current_->def;
    if (auto enclosing = lambdaScopes_.find(scope); enclosing != lambdaScopes_.end())
      scope = enclosing->second;
    auto it = localLambdas_.find(std::make_pair(scope, callee->id));
    if (it == localLambdas_.end())
      return nullptr;
    ExprPtr& direct = rewriteOf(Rewrite::LambdaCall, c);
    if (!direct) {
      const LocalLambda& l = it->second;
      auto call = std::make_unique<Call>(c.loc, c.length, std::make_unique<Name>(callee->loc, callee->length, l.def->name));
      for (const std::string& n : l.captured)
        call->args.push_back(std::make_unique<Name>(c.loc, c.length, n));
      for (const ExprPtr& a : c.args)
        call->args.push_back(clone(*a));
      for (const Keyword& k : c.keywords)
        call->keywords.push_back({k.arg, k.loc, clone(*k.value)});
      direct = std::move(call);
    }
    return static_cast<const Call*>(direct.get());
  }

  // ---- rewrites: Python read as other Python, built once per node (the
  // inference runs many rounds over the tree) and kept here ----
  enum class Rewrite : uint8_t { FoldedItems, Key, SortKeys, LambdaCall, RangeList };
  std::map<std::pair<Rewrite, const Expr*>, ExprPtr> rewrites_;
  ExprPtr& rewriteOf(Rewrite kind, const Expr& node) { return rewrites_[{kind, &node}]; }
  static constexpr std::string_view kItem = "__findc_item", kKeyItem = "__findc_key_item";

  // What a fold's one argument yields: a comprehension as written, or, for
  // an iterable X, `(__findc_item for __findc_item in X)`. Null for min and
  // max of several values.
  const Expr* foldedItems(const Call& c) {
    if (c.args.size() != 1)
      return nullptr;
    const Expr& x = *c.args[0];
    if (isComprehension(x))
      return &x;
    ExprPtr& g = rewriteOf(Rewrite::FoldedItems, x);
    if (!g) {
      auto generator = std::make_unique<GeneratorExp>(x.loc, x.length, std::make_unique<Name>(x.loc, x.length, std::string(kItem)));
      generator->generators.push_back({std::make_unique<Name>(x.loc, x.length, std::string(kItem)), clone(x), {}});
      g = std::move(generator);
    }
    return g.get();
  }

  // min/max's `key=K` as an expression of the item, named kKeyItem: K's
  // body with its parameter renamed (a one-parameter lambda), else K(item).
  const Expr* keyOf(const Call& c) {
    auto key = std::find_if(c.keywords.begin(), c.keywords.end(), [](const Keyword& k) { return k.arg == "key"; });
    if (key == c.keywords.end())
      return nullptr;
    const Expr& k = *key->value;
    ExprPtr& rewritten = rewriteOf(Rewrite::Key, k);
    if (!rewritten) {
      auto* method = dyn<Attribute>(&k);
      if (auto* lambda = dyn<Lambda>(&k); lambda && lambda->args.size() == 1 && !lambda->args[0].defaultValue) {
        rewritten = clone(*lambda->body, lambda->args[0].name, kKeyItem);
      } else if (method && method->attr == "get" && !dottedName(k)) {
        // key=d.get: d[item] (the items are d's keys where agents write it;
        // an item missing from d raises KeyError where Python compares None)
        rewritten = std::make_unique<Subscript>(k.loc, k.length, clone(*method->value),
                                                std::make_unique<Name>(k.loc, k.length, std::string(kKeyItem)));
      } else {
        auto call = std::make_unique<Call>(k.loc, k.length, clone(k));
        call->args.push_back(std::make_unique<Name>(k.loc, k.length, std::string(kKeyItem)));
        rewritten = std::move(call);
      }
    }
    return rewritten.get();
  }

  // A range used as a value (`poles = range(-3, 4)`), not iterated where it
  // is written: the list `[__findc_item for __findc_item in range(...)]`,
  // which reads the same (len, indexing, slicing, `in`, iteration); null for
  // any other call. Materialized, so it is bounded by the value-size budget.
  const Expr* rangeAsList(const Call& call) {
    if (!builtinCall(call, "range", 1, 3))
      return nullptr;
    ExprPtr& list = rewriteOf(Rewrite::RangeList, call);
    if (!list) {
      auto items = std::make_unique<ListComp>(call.loc, call.length,
                                              std::make_unique<Name>(call.loc, call.length, std::string(kItem)));
      items->generators.push_back({std::make_unique<Name>(call.loc, call.length, std::string(kItem)), clone(call), {}});
      list = std::move(items);
    }
    return list.get();
  }

  // sorted's keys, `[key for __findc_key_item in X]`, or null without key=.
  const Expr* sortKeys(const Call& sorted) {
    const Expr* key = keyOf(sorted);
    if (!key || sorted.args.size() != 1)
      return nullptr;
    ExprPtr& keys = rewriteOf(Rewrite::SortKeys, sorted);
    if (!keys) {
      const Expr& x = *sorted.args[0];
      auto list = std::make_unique<ListComp>(key->loc, key->length, clone(*key));
      list->generators.push_back({std::make_unique<Name>(x.loc, x.length, std::string(kKeyItem)), clone(x), {}});
      keys = std::move(list);
    }
    return keys.get();
  }

  // The type of `key` for items of type `item`.
  PyType keyType(const Expr& key, PyType item) {
    comprehension_.emplace_back(kKeyItem, item);
    PyType t = typeOf(key);
    comprehension_.pop_back();
    return t == PyType::Bool ? PyType::Int : t;
  }

  // A comprehension folded by `fold`; min and max compare `key` (an
  // expression of kKeyItem, see keyOf) of each item when given.
  Lowered lowerComprehension(const Expr& e, Fold fold, const Expr* key = nullptr) {
    if (!comprehension_.empty())
      return unsupported(e, "a comprehension inside a comprehension");
    auto [elt, generators] = partsOf(e);
    PyType item = itemType(e);
    if (item == PyType::Bool && fold != Fold::Any && fold != Fold::All && fold != Fold::List && !key)
      item = PyType::Int;
    PyType keyT = key ? keyType(*key, item) : item;
    if (key && (keyT == PyType::Complex || (!isNumber(keyT) && keyT != PyType::Str)))
      return unsupported(*key, "a key of type " + std::string(pyTypeName(keyT)));
    bool comparable = (isNumber(item) && item != PyType::Complex) || item == PyType::Str;
    PyType result = fold == Fold::Any || fold == Fold::All ? PyType::Bool
                    : fold == Fold::Sum                    ? join(PyType::Int, item)
                    : fold == Fold::List                   ? listOf(item)
                                                           : item;
    if (result == PyType::Conflict || result == PyType::Unknown || item == PyType::Conflict ||
        (fold == Fold::Sum && (!isNumber(item) || item == PyType::Complex)) ||
        ((fold == Fold::Min || fold == Fold::Max) && !key && !comparable))
      return unsupported(e, "a comprehension of " + std::string(pyTypeName(item)) + " items here");
    SourceLoc loc = e.loc;
    // The enclosing names it reads become its parameters.
    std::vector<std::string> names, free;
    namesIn(&e, names);
    namesIn(key, names);
    std::set<std::string, std::less<>> targets{std::string(kKeyItem)};
    for (const Comprehension& g : *generators)
      targetNames(*g.target, targets);
    for (const std::string& n : names)
      if (!targets.count(n) && isLocal(n))
        free.push_back(n);
    auto fn = std::make_unique<ast::FuncDecl>();
    fn->name = "__findc_comprehension" + std::to_string(helpers_.size() + pendingHelpers_++);
    fn->loc = loc;
    fn->resultRef = typeRefOf(result, loc);
    for (const std::string& n : free)
      fn->params.push_back({n, loc, typeRefOf(nameType(n), loc), nullptr, Type::Error, std::nullopt});
    auto var = [&](const std::string& name, PyType t, ast::ExprPtr init) {
      fn->statements.push_back(declareVar(name, t, std::move(init), loc));
    };
    auto assign = [&](const std::string& name, ast::ExprPtr value) { return assignStmt(name, std::move(value), loc); };
    auto returns = [&](ast::ExprPtr value) { return std::make_unique<ast::ReturnStmt>(loc, std::move(value)); };
    const std::string acc = "__findc_acc", seen = "__findc_seen";
    if (fold == Fold::List || fold == Fold::Sum || fold == Fold::Min || fold == Fold::Max)
      var(acc, result, fold == Fold::Sum ? coerce({intLit(0, loc), PyType::Int}, result, e).expr : zeroOf(result, loc));
    const std::string accKey = "__findc_acc_key";
    if (fold == Fold::Min || fold == Fold::Max)
      var(seen, PyType::Bool, std::make_unique<ast::BoolLit>(loc, 1, false));
    if (key)
      var(accKey, keyT, zeroOf(keyT, loc));
    // Each `for` nests in the one before (and its ifs); its targets are the
    // comprehension's own names, bound by `let` in its loop.
    size_t scope = comprehension_.size();
    auto leave = [&] { comprehension_.resize(scope); };
    ast::StmtList* body = &fn->statements;
    for (const Comprehension& g : *generators) {
      body = lowerLoopHead(*g.target, *g.iter, loc, *body, [&](const Name& n, Lowered v, ast::StmtList& into) {
        letNamed(n.id, std::move(v.expr), n.loc, into);
      });
      if (!body) {
        leave();
        return {};
      }
      bindTypes(*g.target, g.iter.get(), [&](const Expr& n, PyType t) {
        comprehension_.emplace_back(static_cast<const Name&>(n).id, t);
      });
      if (g.ifs.empty())
        continue;
      ast::ExprPtr cond;
      for (const ExprPtr& c : g.ifs) {
        Lowered test = lower(*c);
        if (!test) {
          leave();
          return {};
        }
        ast::ExprPtr t = truth(std::move(test), c->loc);
        cond = cond ? binary(ast::BinaryOp::And, std::move(cond), std::move(t), loc, loc) : std::move(t);
      }
      auto branch = std::make_unique<ast::IfStmt>(loc);
      branch->conds.push_back(std::move(cond));
      branch->bodies.emplace_back();
      ast::StmtList* inner = &branch->bodies.back();
      body->push_back(std::move(branch));
      body = inner;
    }
    if ((fold == Fold::Min || fold == Fold::Max) && refuseDraws(*elt, fold == Fold::Min ? "'min'" : "'max'"))
      return {};
    Lowered value = lower(*elt);
    Lowered again = fold == Fold::Min || fold == Fold::Max ? lower(*elt) : Lowered{};
    Lowered keyValue;
    if (key && value) { // let item = value; compare key(item), keep item
      letNamed(std::string(kKeyItem), std::move(value.expr), loc, *body);
      comprehension_.emplace_back(kKeyItem, item);
      keyValue = coerce(lower(*key), keyT, *key);
      value = {nameRef(std::string(kKeyItem), loc), item};
      again = {nameRef(std::string(kKeyItem), loc), item};
      if (!keyValue)
        value = {};
    }
    leave();
    if (!value)
      return {};
    switch (fold) {
    case Fold::List:
      body->push_back(assign(acc, call("append", args(nameRef(acc, loc), std::move(value.expr)), loc)));
      break;
    case Fold::Sum:
      body->push_back(assign(acc, binary(ast::BinaryOp::Add, nameRef(acc, loc), coerce(std::move(value), result, *elt).expr,
                                         loc, loc)));
      break;
    case Fold::Any:
    case Fold::All: {
      auto exit = std::make_unique<ast::IfStmt>(loc);
      ast::ExprPtr t = truth(std::move(value), loc);
      if (fold == Fold::All)
        t = std::make_unique<ast::Unary>(loc, 1, ast::UnaryOp::Not, std::move(t));
      exit->conds.push_back(std::move(t));
      exit->bodies.emplace_back();
      exit->bodies.back().push_back(returns(std::make_unique<ast::BoolLit>(loc, 1, fold == Fold::Any)));
      body->push_back(std::move(exit));
      break;
    }
    case Fold::Min:
    case Fold::Max: {
      // Python's: a later item replaces the current one only if strictly smaller (larger)
      auto better = std::make_unique<ast::IfStmt>(loc);
      ast::ExprPtr fresh = std::make_unique<ast::Unary>(loc, 1, ast::UnaryOp::Not, nameRef(seen, loc));
      ast::CompareOp order = fold == Fold::Min ? ast::CompareOp::Lt : ast::CompareOp::Gt;
      std::string key1 = key ? letTemporary("__findc_key", std::move(keyValue.expr), loc, *body) : "";
      ast::ExprPtr beats = key ? compare(order, nameRef(key1, loc), nameRef(accKey, loc), loc)
                               : compare(order, coerce(std::move(value), result, *elt).expr, nameRef(acc, loc), loc);
      better->conds.push_back(binary(ast::BinaryOp::Or, std::move(fresh), std::move(beats), loc, loc));
      better->bodies.emplace_back();
      better->bodies.back().push_back(assign(acc, coerce(std::move(again), result, *elt).expr));
      if (key)
        better->bodies.back().push_back(assign(accKey, nameRef(key1, loc)));
      better->bodies.back().push_back(assign(seen, std::make_unique<ast::BoolLit>(loc, 1, true)));
      body->push_back(std::move(better));
      break;
    }
    }
    if (fold == Fold::Min || fold == Fold::Max) { // min() of nothing: ValueError
      auto empty = std::make_unique<ast::IfStmt>(loc);
      empty->conds.push_back(std::make_unique<ast::Unary>(loc, 1, ast::UnaryOp::Not, nameRef(seen, loc)));
      empty->bodies.emplace_back();
      empty->bodies.back().push_back(returns(raiseAs("ValueError", result, loc)));
      fn->statements.push_back(std::move(empty));
    }
    fn->statements.push_back(returns(fold == Fold::Any || fold == Fold::All
                                         ? std::make_unique<ast::BoolLit>(loc, 1, fold == Fold::All)
                                         : nameRef(acc, loc)));
    auto site = std::make_unique<ast::Call>(loc, e.length, fn->name, 1);
    for (const std::string& n : free)
      site->args.push_back({"", {}, nameRef(n, loc)});
    --pendingHelpers_;
    helpers_.push_back(std::move(fn));
    return {std::move(site), result};
  }

  // ---- statements ----
  PyType resultType_ = PyType::Float;
  unsigned temporaries_ = 0;

  void assignTo(const std::string& name, Lowered value, const Expr& where, SourceLoc loc, ast::StmtList& out) {
    PyType t = nameType(name);
    Lowered v = coerce(std::move(value), t, where);
    if (!v)
      return;
    emitEffect(out, loc, std::move(v.expr), [&](ast::ExprPtr e) { return assignStmt(name, std::move(e), loc); });
    if (mayBeNone(name))
      setNoneFlag(name, false, loc, out);
  }
  void setNoneFlag(const std::string& name, bool none, SourceLoc loc, ast::StmtList& out) {
    emitEffect(out, loc, std::make_unique<ast::BoolLit>(loc, 1, none),
               [&](ast::ExprPtr e) { return assignStmt(noneFlag(name), std::move(e), loc); });
  }

  static bool isNone(const Expr& e) {
    auto* c = dyn<Constant>(&e);
    return c && c->type == Constant::Type::None;
  }
  static bool mayBeNone(const Expr& e) {
    auto* i = dyn<IfExp>(&e);
    return isNone(e) || (i && (mayBeNone(*i->body) || mayBeNone(*i->orelse)));
  }

  // ---- variables that may be None ----
  // A local assigned None somewhere (`best = None`, then `best = c` in a
  // loop) keeps a bool beside its value: true while it holds None. Python
  // reads such a name four ways findc supports: `v is None` and `v is not
  // None` test the flag; as an operand of arithmetic or of an ordering
  // comparison, and as the entry's returned value, None is a TypeError
  // (CPython's, and the entry's None, which FIND prints as None). Any other
  // read (==, truth, str(), an argument, a helper's return) is refused,
  // since None behaves as a value there.
  bool mayBeNone(std::string_view name) const { return current_ && current_->mayBeNone.count(name); }
  static std::string noneFlag(std::string_view name) { return "__findc_none_" + std::string(name); }

  // v's value, or TypeError of type t where v holds None.
  ast::ExprPtr lowerMaybeNone(const Name& n, PyType t) {
    PyType held = nameType(n.id);
    ast::ExprPtr value = coerce({nameRef(n.id, n.loc, n.length), held}, t, n).expr;
    return conditional(nameRef(noneFlag(n.id), n.loc, n.length), raiseAs("TypeError", t, n.loc), std::move(value),
                       n.loc);
  }

  // An operand of an operation that raises TypeError on None.
  Lowered lowerOperand(const Expr& e) {
    if (auto* n = dyn<Name>(&e); n && mayBeNone(n->id))
      return {lowerMaybeNone(*n, nameType(n->id)), nameType(n->id)};
    return lower(e);
  }

  // `v is None`, `v is not None` (None on either side): the flag of a
  // may-be-None local, false (true) for another local or parameter, which
  // never holds None. Nothing for any other comparison.
  Lowered lowerIsNone(const Compare& c) {
    if (c.ops.size() != 1 || (c.ops[0] != CmpOperator::Is && c.ops[0] != CmpOperator::IsNot))
      return {};
    const Expr* other = isNone(*c.left) ? c.comparators[0].get() : isNone(*c.comparators[0]) ? c.left.get() : nullptr;
    auto* n = other ? dyn<Name>(other) : nullptr;
    if (!n || !isLocal(n->id))
      return {};
    ast::ExprPtr isNoneNow = mayBeNone(n->id) ? nameRef(noneFlag(n->id), n->loc, n->length)
                                              : std::make_unique<ast::BoolLit>(c.loc, 1, false);
    if (c.ops[0] == CmpOperator::IsNot)
      isNoneNow = std::make_unique<ast::Unary>(c.loc, c.length, ast::UnaryOp::Not, std::move(isNoneNow));
    return {std::move(isNoneNow), PyType::Bool};
  }
  // What `return e` gives: None, written or as an arm of `a if c else b`
  // (nested too), is the entry function's TypeError value, as a path that
  // ends without return (FIND prints None for both); elsewhere None is a
  // located error (a None a helper returned could be tested or printed).
  Lowered lowerReturnValue(const Expr& e) {
    if (auto* n = dyn<Name>(&e); n && mayBeNone(n->id) && current_->def == entry_ && tryDepth_ == 0)
      return {lowerMaybeNone(*n, resultType_), resultType_};
    if (!mayBeNone(e))
      return coerce(lower(e), resultType_, e);
    if (current_ == nullptr || current_->def != entry_)
      return unsupported(e, "None as a value other than returned by the entry function");
    if (tryDepth_ > 0)
      return unsupported(e, "returning None inside a try body");
    if (isNone(e))
      return {raiseAs("TypeError", resultType_, e.loc), resultType_};
    auto& i = static_cast<const IfExp&>(e);
    Lowered test = lower(*i.test);
    Lowered a = lowerReturnValue(*i.body);
    Lowered b = lowerReturnValue(*i.orelse);
    if (!test || !a || !b)
      return {};
    return {conditional(truth(std::move(test), e.loc), std::move(a.expr), std::move(b.expr), e.loc), resultType_};
  }

  // ---- loops ----
  // The head of a loop: what it iterates, evaluated once, and its target,
  // bound at the start of each trip by `bind(name, item, body)`. Pushes the
  // loop onto `out` and returns its body; nullptr after an error.
  //  - `for x in it`: findc's for over a range, a str or a list;
  //  - `for i, x in enumerate(it[, start])`: a counter beside that loop;
  //  - anything else (zip, nested tuple targets): an index loop over the
  //    sequences, each stored first: `for a, (b, c) in enumerate(zip(X, Y))`
  //    runs i over range(min(len(X), len(Y))), a = i, b = X[i], c = Y[i].
  using Binder = std::function<void(const Name&, Lowered, ast::StmtList&)>;

  ast::StmtList* lowerLoopHead(const Expr& target, const Expr& iter, SourceLoc loc, ast::StmtList& out,
                               const Binder& bind) {
    const Call* enumerate = builtinCall(iter, "enumerate", 1, 2);
    const ExprList* elts = targetElements(target);
    auto* name = dyn<Name>(&target);
    bool counted = enumerate && elts && elts->size() == 2 && dyn<Name>((*elts)[0].get()) &&
                   dyn<Name>((*elts)[1].get()) && !builtinCall(*enumerate->args[0], "zip", 1, SIZE_MAX);
    bool plain = name && !enumerate && !builtinCall(iter, "zip", 1, SIZE_MAX);
    if (!plain && !counted)
      return lowerIndexLoop(target, iter, loc, out, bind);
    std::string counter;
    if (counted) {
      Lowered start = enumerateStart(*enumerate);
      if (!start)
        return nullptr;
      counter = "__findc_count" + std::to_string(temporaries_++);
      out.push_back(declareVar(counter, PyType::Int, std::move(start.expr), loc));
    }
    const Expr& items = counted ? *enumerate->args[0] : iter;
    ast::ExprPtr iterable = lowerIterable(items);
    if (!iterable)
      return nullptr;
    auto [node, loopName] = forLoop("__findc_loop", std::move(iterable), target.loc, loc);
    ast::StmtList& body = node->body;
    if (counted) { // i = count; count += 1, before the body (a continue keeps counting)
      bind(static_cast<const Name&>(*(*elts)[0]), {nameRef(counter, loc), PyType::Int}, body);
      body.push_back(
          assignStmt(counter, binary(ast::BinaryOp::Add, nameRef(counter, loc), intLit(1, loc), loc, loc), loc));
    }
    bind(counted ? static_cast<const Name&>(*(*elts)[1]) : *name, {nameRef(loopName, loc), elementType(items)}, body);
    out.push_back(std::move(node));
    return &body;
  }

  // `for <fresh name> in iterable`, and that name.
  std::pair<std::unique_ptr<ast::ForStmt>, std::string> forLoop(std::string_view prefix, ast::ExprPtr iterable,
                                                                SourceLoc varLoc, SourceLoc loc) {
    auto var = std::make_unique<ast::LetStmt>();
    var->name = std::string(prefix) + std::to_string(temporaries_++);
    var->loc = varLoc;
    std::string name = var->name;
    return {std::make_unique<ast::ForStmt>(loc, std::move(var), std::move(iterable)), std::move(name)};
  }

  // enumerate's start: its second argument as an int, else 0.
  Lowered enumerateStart(const Call& enumerate) {
    if (enumerate.args.size() < 2)
      return {intLit(0, enumerate.loc), PyType::Int};
    return coerce(lower(*enumerate.args[1]), PyType::Int, *enumerate.args[1]);
  }

  // What an index loop iterates: a str or list stored in a temporary, or
  // zip's or enumerate's tuples of those.
  struct Sequence {
    enum class Kind : uint8_t { Items, Zip, Enumerate } kind = Kind::Items;
    std::string temporary; // Items: the str or list; Enumerate: the start
    PyType type = PyType::Conflict; // Items
    std::vector<Sequence> parts;    // Zip: the zipped; Enumerate: the counted
  };

  ast::StmtList* lowerIndexLoop(const Expr& target, const Expr& iter, SourceLoc loc, ast::StmtList& out,
                                const Binder& bind) {
    std::optional<Sequence> sequence = lowerSequence(iter, out);
    if (!sequence)
      return nullptr;
    auto range = std::make_unique<ast::Call>(loc, 1, "range", 5);
    range->args.push_back({"", {}, lengthOf(*sequence, loc)});
    auto [node, index] = forLoop("__findc_index", std::move(range), target.loc, loc);
    if (!bindItems(target, *sequence, index, node->body, bind))
      return nullptr;
    ast::StmtList* body = &node->body;
    out.push_back(std::move(node));
    return body;
  }

  std::optional<Sequence> lowerSequence(const Expr& iter, ast::StmtList& out) {
    SourceLoc loc = iter.loc;
    if (const Call* zip = builtinCall(iter, "zip", 1, SIZE_MAX)) {
      Sequence s{Sequence::Kind::Zip, "", PyType::Conflict, {}};
      for (const ExprPtr& a : zip->args) {
        std::optional<Sequence> part = lowerSequence(*a, out);
        if (!part)
          return std::nullopt;
        s.parts.push_back(std::move(*part));
      }
      return s;
    }
    if (const Call* enumerate = builtinCall(iter, "enumerate", 1, 2)) {
      std::optional<Sequence> part = lowerSequence(*enumerate->args[0], out);
      if (!part)
        return std::nullopt;
      Lowered start = enumerateStart(*enumerate);
      if (!start)
        return std::nullopt;
      Sequence s{Sequence::Kind::Enumerate, letTemporary("__findc_start", std::move(start.expr), loc, out), PyType::Int, {}};
      s.parts.push_back(std::move(*part));
      return s;
    }
    if (const Expr* dict = dictItems(iter)) { // d.items(): zip(d.keys(), d.values()), d evaluated once
      Lowered d = lower(*dict);
      if (!d)
        return std::nullopt;
      PyType t = d.type;
      std::string name = letTemporary("__findc_dict", std::move(d.expr), loc, out);
      Sequence s{Sequence::Kind::Zip, "", PyType::Conflict, {}};
      s.parts.push_back({Sequence::Kind::Items, letTemporary("__findc_items", call("keys", args(nameRef(name, loc)), loc), loc, out),
                         listOf(dictKey(t)), {}});
      s.parts.push_back({Sequence::Kind::Items,
                         letTemporary("__findc_items", call("values", args(nameRef(name, loc)), loc), loc, out),
                         listOf(dictValue(t)), {}});
      return s;
    }
    if (builtinCall(iter, "range", 0, SIZE_MAX)) {
      unsupported(iter, "range(...) inside zip (findc zips strs and lists; enumerate counts)");
      return std::nullopt;
    }
    Lowered items = lowerArgument(iter);
    if (!items)
      return std::nullopt;
    if (!isSliceable(items.type)) {
      unsupported(iter, "zip, enumerate or unpacking over a " + std::string(pyTypeName(items.type)) +
                            " (findc indexes a str or a list there)");
      return std::nullopt;
    }
    return Sequence{Sequence::Kind::Items, letTemporary("__findc_items", std::move(items.expr), loc, out), items.type, {}};
  }

  ast::ExprPtr lengthOf(const Sequence& s, SourceLoc loc) {
    switch (s.kind) {
    case Sequence::Kind::Items: return call("len", args(nameRef(s.temporary, loc)), loc);
    case Sequence::Kind::Enumerate: return lengthOf(s.parts[0], loc);
    case Sequence::Kind::Zip: break;
    }
    ast::ExprPtr shortest; // zip stops at its shortest
    for (const Sequence& part : s.parts)
      shortest = shortest ? call("min", args(std::move(shortest), lengthOf(part, loc)), loc) : lengthOf(part, loc);
    return shortest;
  }

  bool bindItems(const Expr& target, const Sequence& s, const std::string& index, ast::StmtList& body,
                 const Binder& bind) {
    SourceLoc loc = target.loc;
    if (auto* n = dyn<Name>(&target)) {
      if (s.kind != Sequence::Kind::Items) {
        unsupported(target, "a tuple as a value (name each item of zip's or enumerate's tuples)");
        return false;
      }
      bind(*n, {std::make_unique<ast::Index>(loc, 1, nameRef(s.temporary, loc), nameRef(index, loc)), itemOf(s.type)},
           body);
      return true;
    }
    const ExprList* elts = targetElements(target);
    if (elts && s.kind == Sequence::Kind::Zip && elts->size() == s.parts.size()) {
      for (size_t k = 0; k < elts->size(); ++k)
        if (!bindItems(*(*elts)[k], s.parts[k], index, body, bind))
          return false;
      return true;
    }
    if (elts && s.kind == Sequence::Kind::Enumerate && elts->size() == 2) {
      auto* count = dyn<Name>((*elts)[0].get());
      if (!count) {
        unsupported(*(*elts)[0], "unpacking enumerate's count");
        return false;
      }
      bind(*count, {binary(ast::BinaryOp::Add, nameRef(s.temporary, loc), nameRef(index, loc), loc, loc), PyType::Int},
           body);
      return bindItems(*(*elts)[1], s.parts[0], index, body, bind);
    }
    if (!elts)
      unsupported(target, "this loop target");
    else if (s.kind == Sequence::Kind::Items)
      unsupported(target, "unpacking the items of a " + std::string(pyTypeName(s.type)));
    else
      unsupported(target, "unpacking " + std::to_string(s.kind == Sequence::Kind::Zip ? s.parts.size() : 2) +
                              " values into " + std::to_string(elts->size()) + " names");
    return false;
  }

  // `for/while ... else`: the loop's own breaks set a flag; the else runs
  // when it is still clear.
  std::vector<std::string> breakFlags_; // one per enclosing loop, "" without an else

  std::string declareBreakFlag(const StmtList& orelse, SourceLoc loc, ast::StmtList& out) {
    if (orelse.empty())
      return "";
    std::string flag = "__findc_broke" + std::to_string(temporaries_++);
    out.push_back(declareVar(flag, PyType::Bool, std::make_unique<ast::BoolLit>(loc, 1, false), loc));
    return flag;
  }

  void lowerLoopElse(const std::string& flag, const StmtList& orelse, SourceLoc loc, ast::StmtList& out) {
    if (flag.empty())
      return;
    auto node = std::make_unique<ast::IfStmt>(loc);
    node->conds.push_back(std::make_unique<ast::Unary>(loc, 1, ast::UnaryOp::Not, nameRef(flag, loc)));
    node->bodies.emplace_back();
    lowerBody(orelse, node->bodies.back());
    out.push_back(std::move(node));
  }

  // ---- try/except ----
  // findc records the first error and runs on with harmless values, where
  // Python unwinds. Inside a try body, every effect (an assignment, return,
  // break, continue) therefore happens only while no error is recorded: the
  // value is computed first, then `if not py_failed(): effect`. Loops stop
  // on a recorded error by themselves (loop.tick), so once the body raised
  // nothing it does is seen, and the handlers find the error it raised.
  unsigned tryDepth_ = 0;
  // `except E as NAME`: names findc does not bind (reading one is an error).
  std::set<std::string, std::less<>> exceptionNames_;

  static ast::ExprPtr noErrorRecorded(SourceLoc loc) {
    return std::make_unique<ast::Unary>(loc, 1, ast::UnaryOp::Not, call("py_failed", {}, loc));
  }

  // Emits the statement `make(value)` (`make(nullptr)` when `value` is
  // null); inside a try, with `value` computed into a temporary first and
  // the statement run only if no error is recorded by then.
  template <typename Make> void emitEffect(ast::StmtList& out, SourceLoc loc, ast::ExprPtr value, Make make) {
    if (tryDepth_ == 0) {
      out.push_back(make(std::move(value)));
      return;
    }
    if (value)
      value = nameRef(letTemporary("__findc_t", std::move(value), loc, out), loc);
    auto guard = std::make_unique<ast::IfStmt>(loc);
    guard->conds.push_back(noErrorRecorded(loc));
    guard->bodies.emplace_back();
    guard->bodies.back().push_back(make(std::move(value)));
    out.push_back(std::move(guard));
  }

  void lowerAssignTarget(const Expr& target, Lowered value, const Expr& where, SourceLoc loc, ast::StmtList& out) {
    if (auto* n = dyn<Name>(&target)) {
      assignTo(n->id, std::move(value), where, loc, out);
      return;
    }
    if (auto* s = dyn<Subscript>(&target); s && dyn<Name>(s->value.get()) && !dyn<Slice>(s->slice.get())) {
      storeItem(*s, std::move(value), where, loc, out);
      return;
    }
    error(target, "assigning to this target is not supported in hypotheses yet");
  }

  // `d[k] = value` (value already lowered: Python evaluates it before d and
  // k): d = insert(d, k, value), a new dict bound to d (dicts are values).
  // `d[k] op= v` passes `op`: d = insert(d, k, d[k] op v), k evaluated once.
  void storeItem(const Subscript& target, Lowered value, const Expr& where, SourceLoc loc, ast::StmtList& out,
                 std::optional<std::pair<Operator, SourceLoc>> op = std::nullopt) {
    const std::string& name = static_cast<const Name&>(*target.value).id;
    PyType t = nameType(name);
    if (t == PyType::Conflict && isLocal(name))
      return; // reported with the variable's types (lowerFunction)
    if (!storedDict(target) || !isDict(t)) {
      if (isLocal(name) || !isDict(t))
        unsupported(target, "assigning to an item of a " + std::string(pyTypeName(t)));
      else
        unsupported(target, "assigning into the module-level dict '" + name +
                                "' (findc's dicts are values; build the dict inside the function)");
      return;
    }
    std::string v;
    if (!op) {
      Lowered stored = coerce(std::move(value), dictValue(t), where);
      if (!stored)
        return;
      v = letTemporary("__findc_v", std::move(stored.expr), loc, out);
    }
    Lowered key = dictKeyOf(lower(*target.slice), t, *target.slice);
    if (!key)
      return;
    std::string k = letTemporary("__findc_k", std::move(key.expr), loc, out);
    if (op) {
      Lowered current{std::make_unique<ast::Index>(target.loc, target.length, nameRef(name, loc), nameRef(k, loc)),
                      dictValue(t)};
      Lowered updated = coerce(lowerBinary(op->first, std::move(current), std::move(value), where, where, op->second),
                               dictValue(t), where);
      if (!updated)
        return;
      v = letTemporary("__findc_v", std::move(updated.expr), loc, out);
    }
    ast::ExprPtr inserted = call("insert", args(nameRef(name, loc), nameRef(k, loc), nameRef(v, loc)), loc);
    emitEffect(out, loc, std::move(inserted), [&](ast::ExprPtr e) { return assignStmt(name, std::move(e), loc); });
  }

  // try: body / except A: ... / except (B, C): ... / else: ...
  //   let ok = not py_failed()        (an error from before the try is not ours)
  //   body, its effects guarded
  //   if ok { if py_catch("A") {...} elif py_catch("B,C") {...} elif not py_failed() { else } }
  void lowerTry(const Try& t, ast::StmtList& out) {
    SourceLoc loc = t.loc;
    if (!t.finalbody.empty()) {
      error(loc, "'try ... finally' is not supported in hypotheses (only 'except' and 'else')");
      return;
    }
    std::vector<std::string> caught; // per handler, its classes joined by commas
    for (const ExceptHandler& h : t.handlers) {
      std::vector<const Expr*> classes = h.type ? classesOf(*h.type) : std::vector<const Expr*>{nullptr};
      std::string names;
      for (const Expr* c : classes) {
        auto* n = dyn<Name>(c);
        if (c && (!n || !rt::pythonExceptionKinds(n->id))) {
          error(*c, "findc catches Python's built-in exception classes (ZeroDivisionError, ValueError, IndexError, "
                    "KeyError, TypeError, OverflowError, ArithmeticError, LookupError, Exception, ...) only");
          return;
        }
        names += (names.empty() ? "" : ",") + (n ? n->id : std::string("BaseException"));
      }
      caught.push_back(names);
      if (!h.name.empty())
        exceptionNames_.insert(h.name);
    }
    std::string okName = letTemporary("__findc_try", noErrorRecorded(loc), loc, out);
    ++tryDepth_;
    lowerBody(t.body, out);
    --tryDepth_;
    auto handlers = std::make_unique<ast::IfStmt>(loc);
    for (size_t k = 0; k < t.handlers.size(); ++k) {
      handlers->conds.push_back(call("py_catch", args(strLit(caught[k], t.handlers[k].loc)), t.handlers[k].loc));
      handlers->bodies.emplace_back();
      lowerBody(t.handlers[k].body, handlers->bodies.back());
    }
    if (!t.orelse.empty()) {
      handlers->conds.push_back(noErrorRecorded(loc));
      handlers->bodies.emplace_back();
      lowerBody(t.orelse, handlers->bodies.back());
    }
    auto ifOk = std::make_unique<ast::IfStmt>(loc);
    ifOk->conds.push_back(nameRef(okName, loc));
    ifOk->bodies.emplace_back();
    ifOk->bodies.back().push_back(std::move(handlers));
    out.push_back(std::move(ifOk));
  }

  void lowerBody(const StmtList& body, ast::StmtList& out) {
    for (const StmtPtr& stmt : body)
      lowerStatement(*stmt, out);
  }

  void lowerStatement(const Stmt& stmt, ast::StmtList& out) {
    SourceLoc loc = stmt.loc;
    switch (stmt.kind) {
    case StmtKind::Assign: {
      if (boundLambda(stmt))
        return; // a def of its own (bindLocalLambda)
      auto& a = static_cast<const Assign&>(stmt);
      const ExprList* targets = nullptr;
      if (a.targets.size() == 1) {
        if (auto* t = dyn<Tuple>(a.targets[0].get()))
          targets = &t->elts;
        else if (auto* l = dyn<List>(a.targets[0].get()))
          targets = &l->elts;
      }
      if (targets) { // a, b = x, y: every value first, then every name
        const ExprList* values = nullptr;
        if (auto* t = dyn<Tuple>(a.value.get()))
          values = &t->elts;
        else if (auto* l = dyn<List>(a.value.get()))
          values = &l->elts;
        if (!values || values->size() != targets->size()) {
          error(*a.value, "unpacking this value is not supported in hypotheses yet");
          return;
        }
        std::vector<std::string> temps;
        for (size_t i = 0; i < values->size(); ++i) {
          Lowered v = lower(*(*values)[i]);
          if (!v)
            return;
          temps.push_back(letTemporary("__findc_t", std::move(v.expr), loc, out));
          temporaryTypes_[temps.back()] = v.type;
        }
        for (size_t i = 0; i < targets->size(); ++i)
          lowerAssignTarget(*(*targets)[i], {nameRef(temps[i], loc), temporaryTypes_[temps[i]]}, *(*values)[i], loc,
                            out);
        return;
      }
      if (isNone(*a.value)) {
        for (const ExprPtr& target : a.targets) {
          auto* n = dyn<Name>(target.get());
          if (!n || !mayBeNone(n->id)) {
            unsupported(*a.value, "None as a value (other than assigned to a local variable)");
            return;
          }
          setNoneFlag(n->id, true, loc, out);
        }
        return;
      }
      for (const ExprPtr& target : a.targets) {
        Lowered v = lower(*a.value);
        if (!v)
          return;
        lowerAssignTarget(*target, std::move(v), *a.value, loc, out);
      }
      return;
    }
    case StmtKind::AugAssign: {
      auto& a = static_cast<const AugAssign&>(stmt);
      auto* n = dyn<Name>(a.target.get());
      if (auto* s = dyn<Subscript>(a.target.get()); s && dyn<Name>(s->value.get()) && !dyn<Slice>(s->slice.get())) {
        Lowered v = lowerOperand(*a.value);
        if (v)
          storeItem(*s, std::move(v), *a.value, loc, out, std::make_pair(a.op, a.opLoc));
        return;
      }
      if (!n) {
        error(*a.target, "augmented assignment to this target is not supported in hypotheses yet");
        return;
      }
      Lowered v = lowerBinary(a.op, lowerOperand(*a.target), lowerOperand(*a.value), *a.value, *a.value, a.opLoc);
      if (v)
        assignTo(n->id, std::move(v), *a.value, loc, out);
      return;
    }
    case StmtKind::Return: {
      auto& r = static_cast<const Return&>(stmt);
      Lowered v = r.value ? lowerReturnValue(*r.value)
                          : Lowered{raiseAs("TypeError", resultType_, loc), resultType_};
      if (v)
        emitEffect(out, loc, std::move(v.expr), [&](ast::ExprPtr e) -> std::unique_ptr<ast::Stmt> {
          return std::make_unique<ast::ReturnStmt>(loc, std::move(e));
        });
      return;
    }
    case StmtKind::If: {
      auto node = std::make_unique<ast::IfStmt>(loc);
      const If* branch = &static_cast<const If&>(stmt);
      while (branch) {
        Lowered test = lower(*branch->test);
        if (!test)
          return;
        node->conds.push_back(truth(std::move(test), branch->test->loc));
        node->bodies.emplace_back();
        lowerBody(branch->body, node->bodies.back());
        const If* elif = branch->orelse.size() == 1 ? dyn<If>(branch->orelse[0].get()) : nullptr;
        if (!elif && !branch->orelse.empty()) {
          node->bodies.emplace_back();
          lowerBody(branch->orelse, node->bodies.back());
        }
        branch = elif;
      }
      out.push_back(std::move(node));
      return;
    }
    case StmtKind::For: {
      auto& f = static_cast<const For&>(stmt);
      std::string broke = declareBreakFlag(f.orelse, loc, out);
      // Python's loop variables are the function's: they outlive the loop.
      ast::StmtList* body = lowerLoopHead(*f.target, *f.iter, loc, out, [&](const Name& n, Lowered v, ast::StmtList& into) {
        assignTo(n.id, std::move(v), n, n.loc, into);
      });
      if (!body)
        return;
      breakFlags_.push_back(broke);
      lowerBody(f.body, *body);
      breakFlags_.pop_back();
      lowerLoopElse(broke, f.orelse, loc, out);
      return;
    }
    case StmtKind::While: {
      auto& w = static_cast<const While&>(stmt);
      std::string broke = declareBreakFlag(w.orelse, loc, out);
      Lowered test = lower(*w.test);
      if (!test)
        return;
      auto node = std::make_unique<ast::WhileStmt>(loc, truth(std::move(test), w.test->loc));
      breakFlags_.push_back(broke);
      lowerBody(w.body, node->body);
      breakFlags_.pop_back();
      out.push_back(std::move(node));
      lowerLoopElse(broke, w.orelse, loc, out);
      return;
    }
    case StmtKind::Pass: return;
    case StmtKind::ExprStmt: {
      const Expr& value = *static_cast<const ExprStmt&>(stmt).value;
      if (dyn<Constant>(&value))
        return; // a docstring
      if (auto* call = dyn<Call>(&value)) {
        if (auto* n = dyn<Name>(call->func.get()); n && n->id == "print" && !isLocal("print") && !defs_.count("print")) {
          warning(loc, "print does not run in findc (a hypothesis has no output but its value)");
          return;
        }
        if (isAppend(*call)) { // l.append(x): findc's lists are values, l = append(l, x)
          auto* a = dyn<Attribute>(call->func.get());
          auto* list = dyn<Name>(a->value.get());
          Lowered item = lower(*call->args[0]);
          if (!item)
            return;
          ast::ExprPtr appended =
              Lowerer::call("append", args(nameRef(list->id, a->value->loc), std::move(item.expr)), call->loc);
          emitEffect(out, loc, std::move(appended), [&](ast::ExprPtr e) { return assignStmt(list->id, std::move(e), loc); });
          return;
        }
      }
      error(value, "an expression statement other than a call to print or append does nothing here; "
                   "it is not supported in hypotheses yet");
      return;
    }
    case StmtKind::Break:
      if (!breakFlags_.empty() && !breakFlags_.back().empty()) // the loop's else is skipped
        emitEffect(out, loc, nullptr, [&](ast::ExprPtr) {
          return assignStmt(breakFlags_.back(), std::make_unique<ast::BoolLit>(loc, 1, true), loc);
        });
      emitEffect(out, loc, nullptr, [&](ast::ExprPtr) -> std::unique_ptr<ast::Stmt> {
        return std::make_unique<ast::BreakStmt>(loc);
      });
      return;
    case StmtKind::Continue:
      emitEffect(out, loc, nullptr, [&](ast::ExprPtr) -> std::unique_ptr<ast::Stmt> {
        return std::make_unique<ast::ContinueStmt>(loc);
      });
      return;
    case StmtKind::Try: lowerTry(static_cast<const Try&>(stmt), out); return;
    case StmtKind::FunctionDef: error(loc, "a nested 'def' is not supported in hypotheses yet"); return;
    case StmtKind::Import:
    case StmtKind::ImportFrom: error(loc, "an import inside a function is not supported in hypotheses yet"); return;
    }
  }

  const Module& module_;
  const SourceFile& file_;
  const HypothesisOptions& options_;
  DiagnosticEngine& diags_;
  std::map<std::string, std::string, std::less<>> modules_; // local name -> module ("np" -> "numpy")
  std::map<std::string, std::string, std::less<>> members_; // from-imports ("sqrt" -> "math.sqrt")
  std::map<std::string, const Expr*, std::less<>> constants_;
  std::map<std::string, const FunctionDef*, std::less<>> defs_;
  std::set<std::string> skippedNames_;
  const FunctionDef* entry_ = nullptr;
  std::map<std::string, FunctionInfo, std::less<>> infos_;
  std::map<std::string, bool, std::less<>> functionDraws_; // memo of functionDraws
  std::vector<std::string> reachedOrder_;
  std::map<std::string, PyType> temporaryTypes_;
  bool changed_ = false;
  // Comprehension targets in scope, innermost last (typing and lowering).
  std::vector<std::pair<std::string, PyType>> comprehension_;
  // The comprehensions' functions, appended to the module at the end.
  std::vector<std::unique_ptr<ast::FuncDecl>> helpers_;
  size_t pendingHelpers_ = 0;
};

} // namespace

std::optional<std::string> entryByFindsRule(std::string_view text) {
  size_t def = text.rfind("def ");
  if (def == std::string_view::npos)
    return std::nullopt;
  std::string_view rest = text.substr(def + 4);
  rest = rest.substr(0, rest.find('('));
  // FIND pastes the name into `func_test.NAME(...)`, where blanks around it
  // do not matter; blanks are trimmed here for the lookup.
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!rest.empty() && blank(rest.front()))
    rest.remove_prefix(1);
  while (!rest.empty() && blank(rest.back()))
    rest.remove_suffix(1);
  return std::string(rest);
}

std::unique_ptr<ast::Module> lowerHypothesis(const Module& module, const SourceFile& file,
                                             const HypothesisOptions& options, DiagnosticEngine& diags) {
  return Lowerer(module, file, options, diags).run();
}

} // namespace findc::py
