#include "compiler/pyemit/PythonEmitter.h"

#include "compiler/ir/Passes.h"
#include "runtime/PyNumbers.h"
#include "runtime/Strings.h"

#include <array>
#include <bitset>
#include <cctype>
#include <cmath>
#include <set>
#include <stdexcept>
#include <vector>

namespace findc::pyemit {
namespace {

// ------------------------------------------------------------ helpers ----
// The Python definitions emitted code calls, in an order where each one
// follows what it uses. Only the helpers a function needs are emitted.
enum class Helper : uint8_t {
  BudgetExceeded,
  Wrap,
  ToInt,
  Div,
  FloorDivReal,
  ModReal,
  FloorDivInt,
  ModInt,
  PyFloorDivInt,
  PyInt,
  PyPowInt,
  PyMath,
  PyRaise,
  Sign,
  Heaviside,
  Minimum,
  Maximum,
  Integral,
  Sqrt,
  Exp,
  Expm1,
  Sinh,
  Cosh,
  LogOf,
  Log1p,
  Periodic,
  InDomain,
  Atanh,
  OddInteger,
  Pow,
  Libm,
  Cbrt,
  Exp2,
  Exp10,
  Hypot,
  RoundF32,
  Sized,
  SizedList,
  Repeat,
  Chr,
  NumberWords,
  MapInsert,
  RangeStep,
  SortedBy,
  Evaluation,
  ParseInput,
  Philox,
  Random,
  Noise,
  Count
};

struct HelperDef {
  Helper id;
  std::vector<Helper> uses;
  const char* code;
};

// Every helper once, in enum order (checked in helperDef).
const std::vector<HelperDef>& helperDefs() {
  static const std::vector<HelperDef> defs = {
      {Helper::BudgetExceeded, {}, R"(class BudgetExceeded(Exception):
    """findc's loop budget or largest value was exceeded (rt::ErrorKind::BudgetExceeded)."""
)"},
      {Helper::Wrap, {}, R"(def _wrap(v):
    """v as a 64-bit int that wraps around, as findc's (and NumPy's) int64."""
    return ((v + 0x8000000000000000) & 0xFFFFFFFFFFFFFFFF) - 0x8000000000000000
)"},
      {Helper::ToInt, {}, R"(def _to_int(x):
    """int(x) without exceptions (LLVM's fptosi.sat): truncates, saturates, NaN gives 0."""
    if x != x:
        return 0
    if x >= 9223372036854775807.0:
        return 9223372036854775807
    if x <= -9223372036854775808.0:
        return -9223372036854775808
    return int(x)
)"},
      {Helper::Div, {}, R"(def _div(a, b):
    """IEEE a / b: inf or NaN where Python raises ZeroDivisionError."""
    if b:
        return a / b
    if a != a or a == 0.0:
        return math.nan
    return math.copysign(math.inf, a) * math.copysign(1.0, b)
)"},
      {Helper::FloorDivReal, {Helper::Div}, R"(def _floordiv_real(a, b):
    """NumPy's floor division of floats (npy_divmod, as Python's //), a / b by zero."""
    return a // b if b else _div(a, b)
)"},
      {Helper::ModReal, {}, R"(def _mod_real(a, b):
    """NumPy's float modulus (the divisor's sign, as Python's %), NaN by zero."""
    return a % b if b else math.nan
)"},
      {Helper::FloorDivInt, {Helper::Wrap}, R"(def _floordiv_int(a, b):
    """int64 floor division: 0 by zero (NumPy's result), INT64_MIN // -1 wraps."""
    return _wrap(a // b) if b else 0
)"},
      {Helper::ModInt, {}, R"(def _mod_int(a, b):
    """int64 modulus with the divisor's sign: 0 by zero."""
    return a % b if b else 0
)"},
      {Helper::PyFloorDivInt, {}, R"(def _py_floordiv_int(a, b):
    """Python's int //, with findc's OverflowError past int64 (INT64_MIN // -1)."""
    q = a // b
    if q > 9223372036854775807:
        raise OverflowError('int64')
    return q
)"},
      {Helper::PyInt, {}, R"(def _py_int(x):
    """Python's int(x) of a float or a str, with findc's OverflowError past int64."""
    n = int(x)
    if not -9223372036854775808 <= n <= 9223372036854775807:
        raise OverflowError('int64')
    return n
)"},
      {Helper::PyPowInt, {Helper::PyInt}, R"(def _py_pow_int(a, b):
    """Python's int ** int, with findc's ValueError for a negative exponent and OverflowError past int64."""
    if b < 0:
        raise ValueError('negative int exponent')
    return _py_int(a ** b)
)"},
      {Helper::PyMath, {}, R"(def _py_math(r, x, overflow):
    """CPython's math_1 checks on f's IEEE result r for the argument x."""
    if r != r and x == x:
        raise ValueError('math domain error')
    if math.isinf(r) and math.isfinite(x):
        raise (OverflowError if overflow else ValueError)('math range error')
    return r
)"},
      {Helper::PyRaise, {Helper::BudgetExceeded}, R"(def _py_raise(name):
    """raise the exception named (findc's py_raise): ValueError for a name findc does not know."""
    known = {'IndexError': IndexError, 'KeyError': KeyError, 'ValueError': ValueError, 'TypeError': TypeError,
             'ZeroDivisionError': ZeroDivisionError, 'OverflowError': OverflowError}
    if name == 'BudgetExceeded':
        raise BudgetExceeded(name)
    raise known.get(name, ValueError)(name)
)"},
      {Helper::Sign, {}, R"(def _sign(x):
    """np.sign: NaN stays NaN, both zeros give +0."""
    return 1.0 if x > 0.0 else (-1.0 if x < 0.0 else (0.0 if x == 0.0 else x))
)"},
      {Helper::Heaviside, {}, R"(def _heaviside(x, h0):
    """np.heaviside(x, h0)."""
    return 0.0 if x < 0.0 else (h0 if x == 0.0 else (1.0 if x > 0.0 else x))
)"},
      {Helper::Minimum, {}, R"(def _minimum(a, b):
    """np.minimum: NaN propagates, a tie gives the first operand."""
    return a if a <= b or a != a else b
)"},
      {Helper::Maximum, {}, R"(def _maximum(a, b):
    """np.maximum: NaN propagates, a tie gives the first operand."""
    return a if a >= b or a != a else b
)"},
      {Helper::Integral, {}, R"(def _integral(rounding, x):
    """C's floor, ceil, trunc or nearbyint of a float: a float, infinities, NaN and signed zeros kept."""
    if not math.isfinite(x):
        return x
    r = float(rounding(x))
    return r if r else math.copysign(0.0, x)
)"},
      {Helper::Sqrt, {}, R"(def _sqrt(x):
    """C's sqrt: NaN below zero (math.sqrt raises)."""
    return math.sqrt(x) if x >= 0.0 else math.nan
)"},
      {Helper::Exp, {}, R"(def _exp(x):
    """C's exp: inf on overflow (math.exp raises)."""
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf
)"},
      {Helper::Expm1, {}, R"(def _expm1(x):
    """C's expm1: inf on overflow (math.expm1 raises)."""
    try:
        return math.expm1(x)
    except OverflowError:
        return math.inf
)"},
      {Helper::Sinh, {}, R"(def _sinh(x):
    """C's sinh: an infinity of x's sign on overflow (math.sinh raises)."""
    try:
        return math.sinh(x)
    except OverflowError:
        return math.copysign(math.inf, x)
)"},
      {Helper::Cosh, {}, R"(def _cosh(x):
    """C's cosh: inf on overflow (math.cosh raises)."""
    try:
        return math.cosh(x)
    except OverflowError:
        return math.inf
)"},
      {Helper::LogOf, {}, R"(def _log_of(log, x):
    """C's log, log2 or log10: -inf at zero, NaN below (math raises)."""
    if x > 0.0:
        return log(x)
    return -math.inf if x == 0.0 else math.nan
)"},
      {Helper::Log1p, {}, R"(def _log1p(x):
    """C's log1p: -inf at -1, NaN below (math.log1p raises)."""
    if x > -1.0:
        return math.log1p(x)
    return -math.inf if x == -1.0 else math.nan
)"},
      {Helper::Periodic, {}, R"(def _periodic(f, x):
    """C's sin, cos or tan: NaN at the infinities (math raises)."""
    return f(x) if math.isfinite(x) else x - x
)"},
      {Helper::InDomain, {}, R"(def _in_domain(f, x, lo, hi):
    """C's asin, acos or acosh: NaN outside [lo, hi] (math raises)."""
    return f(x) if lo <= x <= hi else math.nan
)"},
      {Helper::Atanh, {}, R"(def _atanh(x):
    """C's atanh: infinities at -1 and 1, NaN beyond (math.atanh raises)."""
    if -1.0 < x < 1.0:
        return math.atanh(x)
    return math.copysign(math.inf, x) if x == 1.0 or x == -1.0 else math.nan
)"},
      {Helper::OddInteger, {}, R"(def _odd_integer(y):
    return math.isfinite(y) and y == math.floor(y) and math.fmod(y, 2.0) != 0.0
)"},
      {Helper::Pow, {Helper::OddInteger}, R"(def _pow(a, b):
    """C's pow (not Python's **): math.pow calls it, and raises where C returns inf or NaN."""
    try:
        return math.pow(a, b)
    except OverflowError:
        return -math.inf if a < 0.0 and _odd_integer(b) else math.inf
    except ValueError:
        if a == 0.0:
            return math.copysign(math.inf, a) if _odd_integer(b) else math.inf
        return math.nan
)"},
      {Helper::Libm, {}, R"(def _libm(name, arity):
    """The C library's own function `name` (math has no exp10, and its hypot is not libm's)."""
    import ctypes
    import ctypes.util
    f = getattr(ctypes.CDLL(ctypes.util.find_library('m')), name)
    f.restype = ctypes.c_double
    f.argtypes = [ctypes.c_double] * arity
    return f
)"},
      {Helper::Cbrt, {Helper::Libm}, "_cbrt = _libm('cbrt', 1)\n"},
      {Helper::Exp2, {Helper::Libm}, "_exp2 = _libm('exp2', 1)\n"},
      {Helper::Exp10, {Helper::Libm}, "_exp10 = _libm('exp10', 1)\n"},
      {Helper::Hypot, {Helper::Libm}, "_hypot = _libm('hypot', 2)\n"},
      {Helper::RoundF32, {}, R"(def _round_f32(x):
    """x rounded to the nearest float32 (C's (float) x): an infinity past its range."""
    try:
        return struct.unpack('<f', struct.pack('<f', x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)
)"},
      {Helper::Sized, {Helper::BudgetExceeded}, R"(def _sized(s):
    """s, unless its UTF-8 exceeds findc's largest value (rt::maxValueBytes)."""
    if len(s) > MAX_VALUE_BYTES // 4 and len(s.encode('utf-8', 'surrogatepass')) > MAX_VALUE_BYTES:
        raise BudgetExceeded('value too large')
    return s
)"},
      {Helper::SizedList, {Helper::BudgetExceeded}, R"(def _sized_list(items, entry_bytes=8):
    """items, unless findc would need more than its largest value to hold them."""
    if len(items) * entry_bytes > MAX_VALUE_BYTES:
        raise BudgetExceeded('value too large')
    return items
)"},
      {Helper::Repeat, {Helper::BudgetExceeded}, R"(def _repeat(s, n):
    """s * n, checked against findc's largest value before it is built."""
    if n <= 0 or not s:
        return ''
    if n > 1 and n > MAX_VALUE_BYTES // len(s.encode('utf-8', 'surrogatepass')):
        raise BudgetExceeded('value too large')
    return s * n
)"},
      {Helper::Chr, {}, R"(def _chr(n):
    """chr(n): ValueError outside [0, 0x10FFFF] (Python raises OverflowError for huge n)."""
    if not 0 <= n <= 0x10FFFF:
        raise ValueError('chr() arg not in range(0x110000)')
    return chr(n)
)"},
      {Helper::NumberWords, {}, R"(def _number_words(n):
    """FIND's English name of n: KeyError outside 0..30."""
    if not 0 <= n < len(NUMBER_WORDS):
        raise KeyError(n)
    return NUMBER_WORDS[n]
)"},
      {Helper::MapInsert, {Helper::SizedList}, R"(def _map_insert(m, key, value):
    """A copy of m with m[key] = value (a repeated key keeps its place)."""
    r = dict(m)
    r[key] = value
    _sized_list(r, 16)
    return r
)"},
      {Helper::RangeStep, {}, R"(def _range_step(step):
    """range()'s step, checked once before the loop."""
    if step == 0:
        raise ValueError('range() arg 3 must not be zero')
    return step
)"},
      {Helper::SortedBy, {}, R"(def _sorted_by(items, keys, reverse):
    """sorted(items, key=..., reverse=reverse), given each item's key."""
    order = sorted(range(len(items)), key=keys.__getitem__, reverse=reverse)
    return [items[i] for i in order]
)"},
      {Helper::Evaluation, {Helper::BudgetExceeded}, R"(class _Evaluation:
    """One evaluation's loop budget (rt::Context): a loop that runs away fails as in findc."""

    def __init__(self):
        self.budget = LOOP_BUDGET

    def tick(self):
        if self.budget <= 0:
            raise BudgetExceeded('loop budget exceeded')
        self.budget -= 1
        return True
)"},
      {Helper::ParseInput, {}, R"(def _parse_input(arg):
    """A command-line input as findc call reads it: a bool as typed, lists and maps as JSON."""
    if arg in ('True', 'true', 'False', 'false'):
        return arg in ('True', 'true')
    import json
    return json.loads(arg)
)"},
      {Helper::Philox, {}, R"(_M32 = 0xFFFFFFFF
_M64 = 0xFFFFFFFFFFFFFFFF


def _philox4x32(c0, c1, c2, c3, k0, k1):
    """Philox4x32-10 (runtime/Philox.h)."""
    for _ in range(10):
        p0 = 0xD2511F53 * c0
        p1 = 0xCD9E8D57 * c2
        c0, c1, c2, c3 = (p1 >> 32) ^ c1 ^ k0, p1 & _M32, (p0 >> 32) ^ c3 ^ k1, p0 & _M32
        k0 = (k0 + 0x9E3779B9) & _M32
        k1 = (k1 + 0xBB67AE85) & _M32
    return c0, c1, c2, c3


def _splitmix64(z):
    z = (z + 0x9E3779B97F4A7C15) & _M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _M64
    return z ^ (z >> 31)


def _bench_key(seed, name):
    """The noise key of a bench: the seed mixed with FNV-1a of its name (rt::benchKey)."""
    h = 0xCBF29CE484222325
    for byte in name.encode('utf-8'):
        h = ((h ^ byte) * 0x100000001B3) & _M64
    key = _splitmix64(seed ^ _splitmix64(h))
    return key & _M32, key >> 32


def _uniform_pair(query, stream, key):
    """The two uniforms in (0, 1) of query `query`, stream `stream` (rt::uniformPair)."""
    b = _philox4x32(query & _M32, (query >> 32) & _M32, stream, 0, key[0], key[1])
    return ((float((b[0] << 32 | b[1]) >> 12) + 0.5) * 2.0 ** -52,
            (float((b[2] << 32 | b[3]) >> 12) + 0.5) * 2.0 ** -52)


def _standard_normal(query, stream, key):
    """Box-Muller's first output (rt::standardNormal)."""
    u1, u2 = _uniform_pair(query, stream, key)
    return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)
)"},
      {Helper::Random, {}, R"(def _np_normal(loc, scale):
    """np.random.normal(loc, scale) of a float, drawn by Python's random (findc draws its own stream)."""
    if scale < 0:
        raise ValueError('scale < 0')
    return random.gauss(loc, scale)
)"},
      {Helper::Noise, {Helper::Philox}, R"(def _poisson(rate, query, stream, key):
    """A Poisson(rate) draw by inversion (rt::poisson)."""
    u = _uniform_pair(query, stream, key)[0]
    p = math.exp(-rate)
    cumulative = p
    k = 0
    while u > cumulative and k < 1000:
        k += 1
        p *= rate / k
        cumulative += p
    return k
)"},
  };
  return defs;
}

const HelperDef& helperDef(Helper helper) {
  const HelperDef& def = helperDefs().at(static_cast<size_t>(helper));
  if (def.id != helper)
    throw std::logic_error("pyemit: the helper table is out of order");
  return def;
}

// -------------------------------------------------------- literals ----
std::string pyReal(double x) {
  if (std::isnan(x))
    return "math.nan";
  if (std::isinf(x))
    return x < 0 ? "-math.inf" : "math.inf";
  return formatPython(Scalar::ofReal(x)); // Python's repr: reads back exactly
}

std::string pyLiteral(const Scalar& value) {
  switch (value.type) {
  case Type::Real: return pyReal(value.r);
  case Type::Str: return rt::pythonRepr(value.s->view());
  case Type::Bool:
  case Type::Int:
  case Type::StrList:
  case Type::IntList:
  case Type::StrMap: return formatPython(value); // True, 42, ['a'], {'k': 'v'}: Python literals
  case Type::StrIntMap: // maps are never constants (built by insert)
  case Type::StrRealMap:
  case Type::IntStrMap:
  case Type::IntIntMap:
  case Type::IntRealMap: break;
  case Type::RealList: {
    std::string out = "[";
    for (int64_t k = 0; k < value.list->size; ++k)
      out += (k ? ", " : "") + pyReal(value.list->items[k].r);
    return out + "]";
  }
  case Type::Complex:
    return value.c->isComplex ? "complex(" + pyReal(value.c->re) + ", " + pyReal(value.c->im) + ")" : pyReal(value.c->re);
  case Type::Error: break;
  }
  throw std::logic_error("pyemit: a constant without a type");
}

std::string identifier(std::string_view name) {
  std::string out;
  for (char c : name)
    out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

// Whether a bench's effects draw random numbers (noise or corruption).
bool drawsNoise(const ir::Bench& bench) {
  return bench.effects.noise.kind != rt::NoiseKind::None || bench.effects.corruption.region != rt::CorruptRegion::None;
}

// ------------------------------------------------------------ emitter ----
class Emitter {
public:
  Emitter(const ir::Module& module, uint32_t function, const PythonEmitOptions& options)
      : module_(module), index_(function), options_(options) {}

  std::string run() {
    const ir::Function& fn = module_.functions[index_];
    const ir::Bench* bench = module_.benchFor(index_);
    // --clean serves the bench with every draw zero, as the engine does.
    effects_ = bench && isNumeric(fn.params[0].type) ? bench : nullptr;
    draws_ = options_.effects;
    // What the engine runs: the specialized entry for a function of one
    // number (`findc call` evaluates it as a batch), else the function with
    // its defaults through the boxed entry.
    std::string code;
    std::string callee;
    if (fn.hasUnaryEntry()) {
      ir::Function entry = ir::specializeUnaryEntry(module_, index_);
      code += emitCallees(entry);
      callee = "_entry_" + identifier(fn.name);
      code += emitFunction(entry, callee);
    } else {
      code += emitCallees(fn);
      code += emitFunction(fn, functionName(index_));
      callee = functionName(index_);
    }
    code += emitServed(fn, callee);
    if (options_.frame != PythonEmitOptions::Frame::None)
      code += emitFrame(fn);
    return header(fn) + helpers() + code;
  }

private:
  // ---- names and helpers ----
  std::string functionName(uint32_t f) const { return "_f" + std::to_string(f) + "_" + identifier(module_.functions[f].name); }
  static std::string value(ir::ValueId id) { return "v" + std::to_string(id); }
  static std::string param(const ir::Param& p) { return "p_" + identifier(p.name); }

  void need(Helper helper) {
    if (used_.test(static_cast<size_t>(helper)))
      return;
    used_.set(static_cast<size_t>(helper));
    for (Helper dep : helperDef(helper).uses)
      need(dep);
  }
  std::string use(Helper helper, std::string expression) {
    need(helper);
    return expression;
  }
  std::string call(Helper helper, const char* name, std::initializer_list<std::string> args) {
    std::string out = std::string(name) + "(";
    size_t k = 0;
    for (const std::string& arg : args)
      out += (k++ ? ", " : "") + arg;
    return use(helper, out + ")");
  }

  // ---- one spelling per operation ----
  // A switch without default: a new PrimOp does not compile until it has a
  // Python spelling here (-Wswitch -Werror).
  std::string prim(PrimOp op, Type operand, const std::vector<std::string>& a) {
    bool isInt = operand == Type::Int;
    switch (op) {
    case PrimOp::Neg: return isInt ? call(Helper::Wrap, "_wrap", {"-" + a[0]}) : "-" + a[0];
    case PrimOp::Not: return "not " + a[0];
    case PrimOp::ToReal: return "float(" + a[0] + ")";
    case PrimOp::ToInt: return operand == Type::Bool ? "int(" + a[0] + ")" : call(Helper::ToInt, "_to_int", {a[0]});
    case PrimOp::Abs: return isInt ? call(Helper::Wrap, "_wrap", {"abs(" + a[0] + ")"}) : "abs(" + a[0] + ")";
    case PrimOp::Sign: return isInt ? "((" + a[0] + " > 0) - (" + a[0] + " < 0))" : call(Helper::Sign, "_sign", {a[0]});
    case PrimOp::Floor: return call(Helper::Integral, "_integral", {"math.floor", a[0]});
    case PrimOp::Ceil: return call(Helper::Integral, "_integral", {"math.ceil", a[0]});
    case PrimOp::Round: return call(Helper::Integral, "_integral", {"round", a[0]}); // half to even
    case PrimOp::Trunc: return call(Helper::Integral, "_integral", {"math.trunc", a[0]});
    case PrimOp::Sqrt: return call(Helper::Sqrt, "_sqrt", {a[0]});
    case PrimOp::Cbrt: return call(Helper::Cbrt, "_cbrt", {a[0]});
    case PrimOp::Exp: return call(Helper::Exp, "_exp", {a[0]});
    case PrimOp::Exp2: return call(Helper::Exp2, "_exp2", {a[0]});
    case PrimOp::Exp10: return call(Helper::Exp10, "_exp10", {a[0]});
    case PrimOp::Expm1: return call(Helper::Expm1, "_expm1", {a[0]});
    case PrimOp::Log: return call(Helper::LogOf, "_log_of", {"math.log", a[0]});
    case PrimOp::Log2: return call(Helper::LogOf, "_log_of", {"math.log2", a[0]});
    case PrimOp::Log10: return call(Helper::LogOf, "_log_of", {"math.log10", a[0]});
    case PrimOp::Log1p: return call(Helper::Log1p, "_log1p", {a[0]});
    case PrimOp::Sin: return call(Helper::Periodic, "_periodic", {"math.sin", a[0]});
    case PrimOp::Cos: return call(Helper::Periodic, "_periodic", {"math.cos", a[0]});
    case PrimOp::Tan: return call(Helper::Periodic, "_periodic", {"math.tan", a[0]});
    case PrimOp::Asin: return call(Helper::InDomain, "_in_domain", {"math.asin", a[0], "-1.0", "1.0"});
    case PrimOp::Acos: return call(Helper::InDomain, "_in_domain", {"math.acos", a[0], "-1.0", "1.0"});
    case PrimOp::Atan: return "math.atan(" + a[0] + ")";
    case PrimOp::Sinh: return call(Helper::Sinh, "_sinh", {a[0]});
    case PrimOp::Cosh: return call(Helper::Cosh, "_cosh", {a[0]});
    case PrimOp::Tanh: return "math.tanh(" + a[0] + ")";
    case PrimOp::Asinh: return "math.asinh(" + a[0] + ")";
    case PrimOp::Acosh: return call(Helper::InDomain, "_in_domain", {"math.acosh", a[0], "1.0", "math.inf"});
    case PrimOp::Atanh: return call(Helper::Atanh, "_atanh", {a[0]});
    case PrimOp::Erf: return "math.erf(" + a[0] + ")";
    case PrimOp::Erfc: return "math.erfc(" + a[0] + ")";
    case PrimOp::RoundF32: return call(Helper::RoundF32, "_round_f32", {a[0]});
    case PrimOp::Add: return isInt ? call(Helper::Wrap, "_wrap", {a[0] + " + " + a[1]}) : a[0] + " + " + a[1];
    case PrimOp::Sub: return isInt ? call(Helper::Wrap, "_wrap", {a[0] + " - " + a[1]}) : a[0] + " - " + a[1];
    case PrimOp::Mul: return isInt ? call(Helper::Wrap, "_wrap", {a[0] + " * " + a[1]}) : a[0] + " * " + a[1];
    case PrimOp::Div: return call(Helper::Div, "_div", {a[0], a[1]});
    case PrimOp::FloorDiv:
      return isInt ? call(Helper::FloorDivInt, "_floordiv_int", {a[0], a[1]})
                   : call(Helper::FloorDivReal, "_floordiv_real", {a[0], a[1]});
    case PrimOp::Mod:
      // x % -1 is 0 for every int64 (a % b with b == -1 in Python is 0 too).
      return isInt ? call(Helper::ModInt, "_mod_int", {a[0], a[1]}) : call(Helper::ModReal, "_mod_real", {a[0], a[1]});
    case PrimOp::Pow: return call(Helper::Pow, "_pow", {a[0], a[1]});
    case PrimOp::Min: return isInt ? "min(" + a[0] + ", " + a[1] + ")" : call(Helper::Minimum, "_minimum", {a[0], a[1]});
    case PrimOp::Max: return isInt ? "max(" + a[0] + ", " + a[1] + ")" : call(Helper::Maximum, "_maximum", {a[0], a[1]});
    case PrimOp::Atan2: return "math.atan2(" + a[0] + ", " + a[1] + ")";
    case PrimOp::Hypot: return call(Helper::Hypot, "_hypot", {a[0], a[1]});
    case PrimOp::Heaviside: return call(Helper::Heaviside, "_heaviside", {a[0], a[1]});
    case PrimOp::And: return a[0] + " and " + a[1];
    case PrimOp::Or: return a[0] + " or " + a[1];
    case PrimOp::Eq: return a[0] + " == " + a[1];
    case PrimOp::Ne: return a[0] + " != " + a[1];
    case PrimOp::Lt: return a[0] + " < " + a[1];
    case PrimOp::Le: return a[0] + " <= " + a[1];
    case PrimOp::Gt: return a[0] + " > " + a[1];
    case PrimOp::Ge: return a[0] + " >= " + a[1];
    case PrimOp::Select: return a[1] + " if " + a[0] + " else " + a[2];
    }
    throw std::logic_error("pyemit: an unknown primitive");
  }

  // The runtime operations: Python's own str, list and dict operations raise
  // where the runtime records an error, with findc's size limit on top.
  std::string runtime(rt::StrOp op, const std::vector<std::string>& a) {
// The op of every map type (StrOps.def): one Python spelling for all.
#define FINDC_MAP_CASES(Op)                                                                                            \
  case rt::StrOp::Map##Op:                                                                                             \
  case rt::StrOp::StrIntMap##Op:                                                                                       \
  case rt::StrOp::StrRealMap##Op:                                                                                      \
  case rt::StrOp::IntStrMap##Op:                                                                                       \
  case rt::StrOp::IntIntMap##Op:                                                                                       \
  case rt::StrOp::IntRealMap##Op:
    switch (op) {
    // Python's own float and complex arithmetic is what py_div, py_pow and
    // complex compute (a complex-typed float is a Python float).
    case rt::StrOp::RealPyDiv: return "(" + a[0] + " / " + a[1] + ")";
    case rt::StrOp::RealPyPowInt:
    case rt::StrOp::RealPyPow: return "(" + a[0] + " ** " + a[1] + ")";
    case rt::StrOp::RealPyMod:
    case rt::StrOp::IntPyMod: return "(" + a[0] + " % " + a[1] + ")";
    case rt::StrOp::RealPyFloorDiv: return "(" + a[0] + " // " + a[1] + ")";
    case rt::StrOp::IntPyFloorDiv: return call(Helper::PyFloorDivInt, "_py_floordiv_int", {a[0], a[1]});
    case rt::StrOp::IntPyAdd: return call(Helper::PyInt, "_py_int", {a[0] + " + " + a[1]});
    case rt::StrOp::IntPySub: return call(Helper::PyInt, "_py_int", {a[0] + " - " + a[1]});
    case rt::StrOp::IntPyMul: return call(Helper::PyInt, "_py_int", {a[0] + " * " + a[1]});
    case rt::StrOp::IntPyPow: return call(Helper::PyPowInt, "_py_pow_int", {a[0], a[1]});
    case rt::StrOp::RealPyToInt:
    case rt::StrOp::StrPyInt: return call(Helper::PyInt, "_py_int", {a[0]});
    case rt::StrOp::StrPyFloat: return "float(" + a[0] + ")";
    case rt::StrOp::RealPyMath: return call(Helper::PyMath, "_py_math", {a[0], a[1], "False"});
    case rt::StrOp::RealPyMathOverflow: return call(Helper::PyMath, "_py_math", {a[0], a[1], "True"});
    case rt::StrOp::RealPyRound: return "round(" + a[0] + ", " + a[1] + ")";
    case rt::StrOp::RealPyMathPow: return "math.pow(" + a[0] + ", " + a[1] + ")";
    // Python's random draws from its own generator, findc from the
    // evaluation's Philox stream: the same distributions, other values.
    case rt::StrOp::PyRandom: return use(Helper::Random, "random.random()");
    case rt::StrOp::PyUniform: return use(Helper::Random, "random.uniform(" + a[0] + ", " + a[1] + ")");
    case rt::StrOp::PyGauss: return use(Helper::Random, "random.gauss(" + a[0] + ", " + a[1] + ")");
    case rt::StrOp::PyNpNormal: return call(Helper::Random, "_np_normal", {a[0], a[1]});
    case rt::StrOp::PyRandInt: return use(Helper::Random, "random.randint(" + a[0] + ", " + a[1] + ")");
    case rt::StrOp::RealPyHypot: return "math.hypot(" + a[0] + ", " + a[1] + ")";
    case rt::StrOp::RealPyHypot3: return "math.hypot(" + a[0] + ", " + a[1] + ", " + a[2] + ")";
    case rt::StrOp::PyRaise: return call(Helper::PyRaise, "_py_raise", {a[0]});
    case rt::StrOp::PyFailed:
    case rt::StrOp::PyCatch: break; // refused by pythonEmitBlocker
    case rt::StrOp::ComplexFromReal: return a[0];
    case rt::StrOp::ComplexMake: return "complex(" + a[0] + ", " + a[1] + ")";
    case rt::StrOp::ComplexAdd: return "(" + a[0] + " + " + a[1] + ")";
    case rt::StrOp::ComplexSub: return "(" + a[0] + " - " + a[1] + ")";
    case rt::StrOp::ComplexMul: return "(" + a[0] + " * " + a[1] + ")";
    case rt::StrOp::ComplexDiv: return "(" + a[0] + " / " + a[1] + ")";
    case rt::StrOp::ComplexNeg: return "(-" + a[0] + ")";
    case rt::StrOp::ComplexAbs: return "abs(" + a[0] + ")";
    case rt::StrOp::StrListSorted:
    case rt::StrOp::StrSortedChars:
    case rt::StrOp::RealListSorted:
    case rt::StrOp::IntListSorted: return "sorted(" + a[0] + ", reverse=" + a[1] + ")";
    case rt::StrOp::StrListSortedByInt:
    case rt::StrOp::StrListSortedByStr:
    case rt::StrOp::IntListSortedByInt:
    case rt::StrOp::IntListSortedByStr:
    case rt::StrOp::StrListSortedByReal:
    case rt::StrOp::IntListSortedByReal:
    case rt::StrOp::RealListSortedByInt:
    case rt::StrOp::RealListSortedByStr:
    case rt::StrOp::RealListSortedByReal: return call(Helper::SortedBy, "_sorted_by", {a[0], a[1], a[2]});
    case rt::StrOp::ComplexStr: return "str(" + a[0] + ")";
    case rt::StrOp::ComplexRe: return "(" + a[0] + ").real";
    case rt::StrOp::ComplexIm: return "(" + a[0] + ").imag";
    case rt::StrOp::ComplexEq: return a[0] + " == " + a[1];
    case rt::StrOp::ComplexIsComplex: return "isinstance(" + a[0] + ", complex)";
    case rt::StrOp::StrConcat: return call(Helper::Sized, "_sized", {a[0] + " + " + a[1]});
    case rt::StrOp::StrRepeat: return call(Helper::Repeat, "_repeat", {a[0], a[1]});
    case rt::StrOp::StrLen: return "len(" + a[0] + ")";
    case rt::StrOp::StrIndex: return a[0] + "[" + a[1] + "]";
    case rt::StrOp::StrSlice:
    case rt::StrOp::StrListSlice:
    case rt::StrOp::IntListSlice:
    case rt::StrOp::RealListSlice: return a[0] + "[" + a[1] + ":" + a[2] + ":" + a[3] + "]"; // ValueError for step 0
    case rt::StrOp::StrEq: return a[0] + " == " + a[1];
    case rt::StrOp::StrCompare: return "((" + a[0] + " > " + a[1] + ") - (" + a[0] + " < " + a[1] + "))";
    case rt::StrOp::StrContains: return a[1] + " in " + a[0];
    case rt::StrOp::StrFind: return a[0] + ".find(" + a[1] + ")";
    case rt::StrOp::StrIndexOf: return a[0] + ".index(" + a[1] + ")";
    case rt::StrOp::StrCount: return a[0] + ".count(" + a[1] + ")";
    case rt::StrOp::StrReplace: return call(Helper::Sized, "_sized", {a[0] + ".replace(" + a[1] + ", " + a[2] + ")"});
    case rt::StrOp::StrStartsWith: return a[0] + ".startswith(" + a[1] + ")";
    case rt::StrOp::StrEndsWith: return a[0] + ".endswith(" + a[1] + ")";
    case rt::StrOp::StrLower: return call(Helper::Sized, "_sized", {a[0] + ".lower()"});
    case rt::StrOp::StrUpper: return call(Helper::Sized, "_sized", {a[0] + ".upper()"});
    case rt::StrOp::StrCapitalize: return call(Helper::Sized, "_sized", {a[0] + ".capitalize()"});
    case rt::StrOp::StrStrip: return a[0] + ".strip()";
    case rt::StrOp::StrLStrip: return a[0] + ".lstrip()";
    case rt::StrOp::StrRStrip: return a[0] + ".rstrip()";
    case rt::StrOp::StrIsAlpha: return a[0] + ".isalpha()";
    case rt::StrOp::StrIsDigit: return a[0] + ".isdigit()";
    case rt::StrOp::StrIsSpace: return a[0] + ".isspace()";
    case rt::StrOp::StrIsUpper: return a[0] + ".isupper()";
    case rt::StrOp::StrIsLower: return a[0] + ".islower()";
    case rt::StrOp::StrTitle: return call(Helper::Sized, "_sized", {a[0] + ".title()"});
    case rt::StrOp::StrSwapCase: return call(Helper::Sized, "_sized", {a[0] + ".swapcase()"});
    case rt::StrOp::StrCaseFold: return call(Helper::Sized, "_sized", {a[0] + ".casefold()"});
    case rt::StrOp::StrZFill: return call(Helper::Sized, "_sized", {a[0] + ".zfill(" + a[1] + ")"});
    case rt::StrOp::StrCenter: return call(Helper::Sized, "_sized", {a[0] + ".center(" + a[1] + ", " + a[2] + ")"});
    case rt::StrOp::StrLJust: return call(Helper::Sized, "_sized", {a[0] + ".ljust(" + a[1] + ", " + a[2] + ")"});
    case rt::StrOp::StrRJust: return call(Helper::Sized, "_sized", {a[0] + ".rjust(" + a[1] + ", " + a[2] + ")"});
    case rt::StrOp::StrStripChars: return a[0] + ".strip(" + a[1] + ")";
    case rt::StrOp::StrLStripChars: return a[0] + ".lstrip(" + a[1] + ")";
    case rt::StrOp::StrRStripChars: return a[0] + ".rstrip(" + a[1] + ")";
    case rt::StrOp::StrFindIn: return a[0] + ".find(" + a[1] + ", " + a[2] + ", " + a[3] + ")";
    case rt::StrOp::StrRFind: return a[0] + ".rfind(" + a[1] + ")";
    case rt::StrOp::StrRFindIn: return a[0] + ".rfind(" + a[1] + ", " + a[2] + ", " + a[3] + ")";
    case rt::StrOp::StrIndexIn: return a[0] + ".index(" + a[1] + ", " + a[2] + ", " + a[3] + ")";
    case rt::StrOp::StrRIndex: return a[0] + ".rindex(" + a[1] + ")";
    case rt::StrOp::StrRIndexIn: return a[0] + ".rindex(" + a[1] + ", " + a[2] + ", " + a[3] + ")";
    case rt::StrOp::StrCountIn: return a[0] + ".count(" + a[1] + ", " + a[2] + ", " + a[3] + ")";
    case rt::StrOp::StrIsAlnum: return a[0] + ".isalnum()";
    case rt::StrOp::StrIsDecimal: return a[0] + ".isdecimal()";
    case rt::StrOp::StrIsNumeric: return a[0] + ".isnumeric()";
    case rt::StrOp::StrRemovePrefix: return a[0] + ".removeprefix(" + a[1] + ")";
    case rt::StrOp::StrRemoveSuffix: return a[0] + ".removesuffix(" + a[1] + ")";
    case rt::StrOp::StrOrd: return "ord(" + a[0] + ")"; // TypeError unless one character
    case rt::StrOp::StrChr: return call(Helper::Chr, "_chr", {a[0]});
    case rt::StrOp::StrFromInt: return "str(" + a[0] + ")";
    case rt::StrOp::StrFromReal: return "repr(" + a[0] + ")";
    case rt::StrOp::StrFromBool: return "str(" + a[0] + ")";
    case rt::StrOp::StrNumberWords: return call(Helper::NumberWords, "_number_words", {a[0]});
    case rt::StrOp::StrSplitWhitespace: return a[0] + ".split()";
    case rt::StrOp::StrSplit: return a[0] + ".split(" + a[1] + ")"; // ValueError for ""
    case rt::StrOp::StrJoin: return call(Helper::Sized, "_sized", {a[0] + ".join(" + a[1] + ")"});
    case rt::StrOp::StrListEmpty:
    case rt::StrOp::IntListEmpty:
    case rt::StrOp::RealListEmpty: return "[]";
    case rt::StrOp::StrListAppend:
    case rt::StrOp::IntListAppend:
    case rt::StrOp::RealListAppend: return call(Helper::SizedList, "_sized_list", {a[0] + " + [" + a[1] + "]"});
    case rt::StrOp::StrListConcat:
    case rt::StrOp::IntListConcat:
    case rt::StrOp::RealListConcat: return call(Helper::SizedList, "_sized_list", {a[0] + " + " + a[1]});
    case rt::StrOp::StrListLen:
    case rt::StrOp::IntListLen:
    case rt::StrOp::RealListLen: return "len(" + a[0] + ")";
    case rt::StrOp::StrListGet:
    case rt::StrOp::IntListGet:
    case rt::StrOp::RealListGet: return a[0] + "[" + a[1] + "]";
    case rt::StrOp::StrListContains:
    case rt::StrOp::IntListContains:
    case rt::StrOp::RealListContains: return a[1] + " in " + a[0];
    case rt::StrOp::StrListEq:
    case rt::StrOp::IntListEq:
    case rt::StrOp::RealListEq: return a[0] + " == " + a[1];
    FINDC_MAP_CASES(Empty) return "{}";
    FINDC_MAP_CASES(Insert) return call(Helper::MapInsert, "_map_insert", {a[0], a[1], a[2]});
    FINDC_MAP_CASES(Len) return "len(" + a[0] + ")";
    FINDC_MAP_CASES(Get) return a[0] + ".get(" + a[1] + ", " + a[2] + ")";
    FINDC_MAP_CASES(Lookup) return a[0] + "[" + a[1] + "]";
    FINDC_MAP_CASES(Contains) return a[1] + " in " + a[0];
    FINDC_MAP_CASES(Eq) return a[0] + " == " + a[1];
    FINDC_MAP_CASES(Keys) return "list(" + a[0] + ")";
    FINDC_MAP_CASES(Values) return "list(" + a[0] + ".values())";
    case rt::StrOp::LoopTick: return use(Helper::Evaluation, "ctx.tick()");
    // A recursive call spends the budget as findc's does; its depth is
    // Python's own to bound (RecursionError).
    case rt::StrOp::PyEnter: return use(Helper::Evaluation, "ctx.tick()");
    case rt::StrOp::PyLeave: return "True";
    case rt::StrOp::RangeStep: return call(Helper::RangeStep, "_range_step", {a[0]});
    }
    throw std::logic_error("pyemit: an unknown runtime operation");
#undef FINDC_MAP_CASES
  }

  // ---- functions ----
  // The module functions `fn` calls (and theirs), callees first.
  std::string emitCallees(const ir::Function& fn) {
    std::vector<uint32_t> roots;
    for (const ir::Inst& inst : fn.body)
      if (inst.op == ir::Opcode::Call)
        roots.push_back(inst.index);
    std::string out;
    for (uint32_t f : module_.callOrder(roots))
      if (&module_.functions[f] != &fn && emitted_.insert(f).second)
        out += emitFunction(module_.functions[f], functionName(f));
    return out;
  }

  std::string statement(const ir::Function& fn, ir::ValueId id) {
    const ir::Inst& inst = fn.body[id];
    std::vector<std::string> a;
    for (ir::ValueId operand : inst.operands)
      a.push_back(value(operand));
    std::string rhs;
    switch (inst.op) {
    case ir::Opcode::Param: rhs = param(fn.params[inst.index]); break;
    case ir::Opcode::Const: rhs = inst.type == Type::Str ? rt::pythonRepr(inst.text) : pyLiteral(inst.constant); break;
    case ir::Opcode::Prim: {
      // The operand type decides int or float semantics (Select: its arms).
      size_t typed = inst.prim == PrimOp::Select ? 1 : 0;
      rhs = prim(inst.prim, fn.body[inst.operands[typed]].type, a);
      break;
    }
    case ir::Opcode::Call: {
      const ir::Function& callee = module_.functions[inst.index];
      std::string args = callee.usesContext ? "ctx" : "";
      for (const std::string& arg : a)
        args += (args.empty() ? "" : ", ") + arg;
      rhs = functionName(inst.index) + "(" + args + ")";
      break;
    }
    case ir::Opcode::Runtime: rhs = runtime(inst.strOp(), a); break;
    case ir::Opcode::BlockArg: return ""; // bound by the branch that enters the block
    }
    return value(id) + " = " + rhs;
  }

  std::string emitFunction(const ir::Function& fn, const std::string& name) {
    std::string params = fn.usesContext ? "ctx" : "";
    for (const ir::Param& p : fn.params)
      params += (params.empty() ? "" : ", ") + param(p);
    std::string out = "\n\ndef " + name + "(" + params + "):\n";
    out += "    # " + std::string(typeName(fn.resultType)) + " " + fn.name + " (findc IR, " +
           (fn.blocks.empty() ? "straight-line" : std::to_string(fn.blocks.size()) + " blocks") + ")\n";
    if (fn.blocks.empty()) {
      for (size_t i = 0; i < fn.body.size(); ++i)
        out += "    " + statement(fn, static_cast<ir::ValueId>(i)) + "\n";
      return out + "    return " + value(fn.result) + "\n";
    }
    // Blocks: a loop that dispatches on the block to run; a branch binds the
    // target's arguments (one tuple assignment: a parallel copy) and moves on.
    out += "    block = 0\n    while True:\n";
    for (size_t b = 0; b < fn.blocks.size(); ++b) {
      const ir::Block& block = fn.blocks[b];
      out += std::string(b ? "        elif" : "        if") + " block == " + std::to_string(b) + ":\n";
      for (ir::ValueId id : block.insts)
        out += "            " + statement(fn, id) + "\n";
      const ir::Terminator& t = block.term;
      auto branch = [&](const ir::Terminator::Edge& edge, const std::string& indent) {
        std::string targets, sources;
        for (size_t k = 0; k < edge.args.size(); ++k) {
          targets += (k ? ", " : "") + value(fn.blocks[edge.block].args[k]);
          sources += (k ? ", " : "") + value(edge.args[k]);
        }
        std::string code;
        if (!edge.args.empty())
          code += indent + targets + " = " + sources + "\n";
        return code + indent + "block = " + std::to_string(edge.block) + "\n";
      };
      switch (t.kind) {
      case ir::Terminator::Kind::Return: out += "            return " + value(t.value) + "\n"; break;
      case ir::Terminator::Kind::Branch: out += branch(t.edges[0], "            "); break;
      case ir::Terminator::Kind::CondBranch:
        out += "            if " + value(t.value) + ":\n" + branch(t.edges[0], "                ") +
               "            else:\n" + branch(t.edges[1], "                ");
        break;
      }
    }
    return out;
  }

  // A bench's effects on clean value y at x for one query (rt::applyEffects).
  std::string emitEffects(const ir::Bench& bench) {
    const rt::BenchEffects& e = bench.effects;
    if (draws_ && drawsNoise(bench))
      need(Helper::Philox);
    std::string out = "\n\ndef _effects(x, y, query):\n"
                      "    \"\"\"The bench's domain, corruption and noise on clean value y at input x.\"\"\"\n";
    // NaN is outside every domain, the unbounded one included.
    out += "    if not (" + pyReal(e.domainLo) + " <= x <= " + pyReal(e.domainHi) + "):\n        return math.nan\n";
    const rt::CorruptionSpec& c = e.corruption;
    std::string covers;
    switch (c.region) {
    case rt::CorruptRegion::None: break;
    case rt::CorruptRegion::Below: covers = "not (x > " + pyReal(c.a) + ")"; break;
    case rt::CorruptRegion::Above: covers = "not (x < " + pyReal(c.a) + ")"; break;
    case rt::CorruptRegion::Inside: covers = pyReal(c.a) + " < x < " + pyReal(c.b); break;
    }
    std::string corruptionStream = std::to_string(static_cast<uint32_t>(rt::DrawStream::Corruption));
    std::string noiseStream = std::to_string(static_cast<uint32_t>(rt::DrawStream::Noise));
    if (!draws_) // --clean: nothing is corrupted, and noise adds a zero
      return out + (e.noise.kind == rt::NoiseKind::None ? "" : "    y += 0.0\n") + "    return y\n";
    if (!covers.empty())
      out += "    if " + covers + ":\n        y = " + pyReal(c.mean) + " + " + pyReal(c.scale) +
             " * _standard_normal(query, " + corruptionStream + ", _KEY)\n";
    const rt::NoiseSpec& n = e.noise;
    switch (n.kind) {
    case rt::NoiseKind::None: break;
    case rt::NoiseKind::Normal:
      out += "    y += " + pyReal(n.scale) + " * _standard_normal(query, " + noiseStream + ", _KEY)\n";
      break;
    case rt::NoiseKind::Uniform:
      out += "    y += " + pyReal(n.scale) + " * (2.0 * _uniform_pair(query, " + noiseStream + ", _KEY)[0] - 1.0)\n";
      break;
    case rt::NoiseKind::Poisson:
      need(Helper::Noise);
      out += "    y += float(_poisson(" + pyReal(n.scale) + ", query, " + noiseStream + ", _KEY))\n";
      break;
    }
    return out + "    return y\n";
  }

  // A double y as the engine hands out a value of `type` (engine::batchValue).
  std::string fromDouble(const std::string& y, Type type) {
    switch (type) {
    case Type::Int: return call(Helper::ToInt, "_to_int", {y});
    case Type::Bool: return y + " != 0.0";
    default: return y;
    }
  }

  // `function(x)`: the value served for one query.
  std::string emitServed(const ir::Function& fn, const std::string& callee) {
    std::string out;
    if (effects_)
      out += emitEffects(*effects_);
    const ir::Param& first = fn.params[0];
    out += "\n\ndef function(x):\n    \"\"\"" + fn.name + " at x, as findc serves it";
    out += effects_ && draws_ ? " (with its effects: one query per call).\"\"\"\n"
           : effects_         ? " (with every random draw zero).\"\"\"\n"
                              : ".\"\"\"\n";
    if (effects_ && draws_)
      out += "    global _next_query\n    query = _next_query\n    _next_query += 1\n";
    else if (effects_)
      out += "    query = 0  # --clean draws nothing\n";
    if (fn.hasUnaryEntry()) {
      // The batch path: x is a double; int parameters take int(x); the
      // result travels as a double and comes back in the output's type.
      out += "    x = float(x)\n";
      std::string arg = first.type == Type::Int ? call(Helper::ToInt, "_to_int", {"x"}) : "x";
      out += "    y = float(" + callee + "(" + arg + "))\n";
      Type type = fn.resultType;
      if (effects_) {
        out += "    y = _effects(x, y, query)\n";
        type = effects_->servedType(type);
      }
      return out + "    return " + fromDouble("y", type) + "\n";
    }
    // The boxed path: one call with the defaults; values come back as they
    // are unless the effects apply (then through a double, as batches).
    if (first.type == Type::Real)
      out += "    x = float(x)\n";
    else if (first.type == Type::Int)
      out += "    x = x if type(x) is int else " + call(Helper::ToInt, "_to_int", {"float(x)"}) + "\n";
    std::string args = fn.usesContext ? use(Helper::Evaluation, "_Evaluation()") : "";
    args += (args.empty() ? "" : ", ") + std::string("x");
    for (size_t k = 1; k < fn.params.size(); ++k)
      args += ", " + pyLiteral(*fn.params[k].defaultValue);
    out += "    value = " + callee + "(" + args + ")\n";
    if (!effects_)
      return out + "    return value\n";
    if (fn.resultType == Type::Complex) // Python's float or complex plus a float
      return out + "    return _effects(float(x), value, query)\n";
    out += "    y = _effects(float(x), float(value), query)\n";
    return out + "    return " + fromDouble("y", effects_->servedType(fn.resultType)) + "\n";
  }

  // FIND's frame: for a number exactly function_code.py's; otherwise the
  // input as findc call reads it (a str as typed).
  std::string emitFrame(const ir::Function& fn) {
    Type first = fn.params[0].type;
    std::string out = "\n\nif __name__ == '__main__':\n    outputs = ''\n    for arg in sys.argv[1:]:\n";
    if (first == Type::Str && options_.frame == PythonEmitOptions::Frame::Find)
      return out + "        string = str(arg)\n        outputs += f'({arg}, {str(function(string))}) '\n\n" +
             "    print(f'Function input - output pairs: {outputs}')\n";
    std::string input = "x";
    if (isNumeric(first))
      out += "        x = float(arg)\n";
    else if (first == Type::Str)
      input = "arg";
    else
      input = use(Helper::ParseInput, "_parse_input(arg)");
    out += "        try:\n            out = function(" + input + ")\n        except:\n            out = 'None'\n";
    out += "        outputs += f'({arg}, {out}) '\n";
    return out + "    print(f'Function input - output pairs: {outputs}')\n";
  }

  std::string header(const ir::Function& fn) {
    std::string out = "# " + fn.name + ", written by `findc emit --stage python`";
    if (effects_ && draws_)
      out += " with the bench's effects";
    else if (effects_)
      out += " with every random draw of the bench zero (--clean)";
    out += ".\n# It prints what `findc call FILE --fn " + fn.name + " X...` prints";
    if (effects_ && draws_)
      out += " with --seed " + std::to_string(options_.seed) + " --first-query " + std::to_string(options_.firstQuery);
    else if (effects_)
      out += " with --clean";
    out += ".\n";
    std::string doc = fn.doc;
    for (size_t start = 0; start < doc.size();) {
      size_t end = doc.find('\n', start);
      std::string line = doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
      out += line.empty() ? "#\n" : "# " + line + "\n";
      start = end == std::string::npos ? doc.size() : end + 1;
    }
    out += "import math\n";
    if (used_.test(static_cast<size_t>(Helper::Random)))
      out += "import random\n";
    if (used_.test(static_cast<size_t>(Helper::RoundF32)))
      out += "import struct\n";
    out += "import sys\n";
    std::string constants;
    if (effects_ && draws_)
      constants += "SEED = " + std::to_string(options_.seed) + "\nFIRST_QUERY = " + std::to_string(options_.firstQuery) +
                   "\n";
    if (used_.test(static_cast<size_t>(Helper::Evaluation)))
      constants += "LOOP_BUDGET = " + std::to_string(rt::defaultLoopBudget) + "  # loop iterations per evaluation\n";
    if (used_.test(static_cast<size_t>(Helper::Sized)) || used_.test(static_cast<size_t>(Helper::SizedList)) ||
        used_.test(static_cast<size_t>(Helper::Repeat)))
      constants += "MAX_VALUE_BYTES = " + std::to_string(rt::maxValueBytes) + "  # findc's largest str, list or map\n";
    if (used_.test(static_cast<size_t>(Helper::NumberWords)))
      constants += "NUMBER_WORDS = " + numberWords() + "\n";
    return constants.empty() ? out : out + "\n" + constants;
  }

  std::string helpers() {
    std::string out;
    for (size_t h = 0; h < static_cast<size_t>(Helper::Count); ++h)
      if (used_.test(h))
        out += "\n\n" + std::string(helperDef(static_cast<Helper>(h)).code);
    if (effects_ && draws_) {
      out += "\n\n";
      if (drawsNoise(*effects_))
        out += "_KEY = _bench_key(SEED, " + rt::pythonRepr(module_.functions[index_].name) + ")\n";
      out += "_next_query = FIRST_QUERY\n";
    }
    return out;
  }

  // FIND's number names, from the runtime itself (one table).
  static std::string numberWords() {
    rt::Arena arena;
    rt::Context ctx{&arena};
    std::string out = "(";
    for (int64_t n = 0;; ++n) {
      Scalar arg[] = {Scalar::ofInt(n)};
      Scalar word = rt::applyStrOp(rt::StrOp::StrNumberWords, ctx, arg);
      if (ctx.errorKind() != rt::ErrorKind::None)
        break;
      out += (n ? ", " : "") + rt::pythonRepr(word.s->view());
    }
    return out + ")";
  }

  const ir::Module& module_;
  uint32_t index_;
  PythonEmitOptions options_;
  const ir::Bench* effects_ = nullptr; // the bench whose effects apply, if any
  bool draws_ = true;                  // false: --clean, every draw zero
  std::bitset<static_cast<size_t>(Helper::Count)> used_;
  std::set<uint32_t> emitted_;
};

} // namespace

std::optional<std::string> pythonEmitBlocker(const ir::Module& module, uint32_t function) {
  const ir::Function& fn = module.functions.at(function);
  if (fn.params.empty())
    return "'" + fn.name + "' takes no parameters: there is nothing to bind an input to";
  for (size_t k = 1; k < fn.params.size(); ++k)
    if (!fn.params[k].defaultValue)
      return "'" + fn.name + "' needs a value for parameter '" + fn.params[k].name +
             "': the emitted function(x) binds only x and the defaults";
  // Emitted Python raises where findc records an error, so the error state
  // py_failed and py_catch read does not exist there.
  if (const ir::Function* f = module.findRuntimeUse(
          function, [](rt::StrOp op) { return op == rt::StrOp::PyCatch || op == rt::StrOp::PyFailed; }))
    return "'" + f->name + "' uses py_catch/py_failed (a Python try/except), which has no Python form here; " +
           "a hypothesis is its own Python source";
  if (const ir::Bench* bench = module.benchFor(function); bench && bench->approx && !bench->approx->trained)
    return "'" + fn.name + "' is declared `approx mlp` but has no weights yet; run `findc suite train`";
  return std::nullopt;
}

std::string emitPython(const ir::Module& module, uint32_t function, const PythonEmitOptions& options) {
  if (std::optional<std::string> blocker = pythonEmitBlocker(module, function))
    throw std::invalid_argument(*blocker);
  return Emitter(module, function, options).run();
}

} // namespace findc::pyemit
