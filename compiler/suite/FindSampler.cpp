// FIND's numeric sampler in C++: see FindSampler.h for what FIND's driver does
// and where this port departs from the stored source (and why).
#include "compiler/suite/FindSampler.h"

#include "runtime/Bench.h"
#include "runtime/Philox.h"
#include "runtime/Value.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <optional>
#include <string_view>
#include <vector>

namespace findc::suite {
namespace {

std::string pythonRepr(double value) { return formatPython(Scalar::ofReal(value)); }


using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

enum class Atom : uint8_t {
  Linear,
  Polynomial,
  Absolute,
  Root,
  Logarithm,
  Step,
  Relu,
  Tanh,
  Constant,
  Sin,
  Cos,
  Reciprocal,
  Gaussian,
  Rational,
  Rectangle,
  SquareWave,
  Ceil,
  Floor,
};

constexpr std::array<std::string_view, 18> kAtomNames = {
    "linear", "polynomial", "absolute",   "root",     "logarithm", "step",      "relu",        "tanh", "constant",
    "sin",    "cos",        "reciprocal", "gaussian", "rational",  "rectangle", "square_wave", "ceil", "floor"};

std::string_view atomName(Atom atom) { return kAtomNames[static_cast<size_t>(atom)]; }

std::optional<Atom> parseAtom(std::string_view name) {
  for (size_t i = 0; i < kAtomNames.size(); ++i)
    if (kAtomNames[i] == name)
      return static_cast<Atom>(i);
  return std::nullopt;
}

// The candidate lists in FIND's order (math_functions.sample: `basic` and
// `compose_only`, sample_f's compound_func_names): the order decides which
// draw picks which entry.
constexpr std::array kSimpleAtoms = {Atom::Linear,    Atom::Polynomial, Atom::Absolute,  Atom::Root,
                                     Atom::Logarithm, Atom::Step,       Atom::Relu,      Atom::Tanh,
                                     Atom::Constant,  Atom::Sin,        Atom::Cos,       Atom::Reciprocal,
                                     Atom::Gaussian,  Atom::Rational,   Atom::Rectangle, Atom::SquareWave};
constexpr std::array kCompositionAtoms = {Atom::Linear, Atom::Polynomial, Atom::Step,
                                          Atom::Relu,   Atom::Constant,   Atom::Ceil,
                                          Atom::Floor,  Atom::Rectangle,  Atom::SquareWave};
constexpr std::array<std::string_view, 2> kOps = {"multiply_two", "sum_two"};

// The length of an atom's parameter tuple; 0 for the non-tuple atoms
// (polynomial and rational lists, constant's bare int, ceil/floor's None).
size_t tupleArity(Atom atom) {
  switch (atom) {
  case Atom::Reciprocal:
  case Atom::Rectangle:
    return 1;
  case Atom::Linear:
  case Atom::Absolute:
  case Atom::Gaussian:
  case Atom::SquareWave:
    return 2;
  case Atom::Root:
  case Atom::Logarithm:
  case Atom::Step:
  case Atom::Relu:
    return 3;
  case Atom::Tanh:
  case Atom::Sin:
  case Atom::Cos:
    return 4;
  default:
    return 0;
  }
}

// One atom's parameters. Ints (constant's value, root's n) are kept as
// doubles (exact) and written as ints.
struct AtomParams {
  Atom atom;
  std::vector<double> values;      // the tuple, polynomial's coefficients, rational's numerator, constant's value
  std::vector<double> denominator; // rational only
};

struct FunctionSpec {
  std::string funcName;          // "relu" or "relu;linear;multiply_two"
  std::vector<AtomParams> atoms; // one, or two for a composition
  std::string_view op;           // empty for a single atom
};

bool isIntPosition(Atom atom, size_t index) { return atom == Atom::Root && index == 2; }

// --- Python's text for the parameters (utils.create_string) ---------------

std::string pyInt(double value) { return std::to_string(static_cast<int64_t>(value)); }

std::string pyJoin(const std::vector<double> &values) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i)
      out += ", ";
    out += pythonRepr(values[i]);
  }
  return out;
}

// str() of the Python object FIND stored for the atom: a tuple, a list
// (polynomial), a tuple of two lists (rational), an int (constant), None.
std::string pyStr(const AtomParams &p) {
  switch (p.atom) {
  case Atom::Ceil:
  case Atom::Floor:
    return "None";
  case Atom::Constant:
    return pyInt(p.values[0]);
  case Atom::Polynomial:
    return "[" + pyJoin(p.values) + "]";
  case Atom::Rational:
    return "([" + pyJoin(p.values) + "], [" + pyJoin(p.denominator) + "])";
  default:
    break;
  }
  std::string out = "(";
  for (size_t i = 0; i < p.values.size(); ++i) {
    if (i)
      out += ", ";
    out += isIntPosition(p.atom, i) ? pyInt(p.values[i]) : pythonRepr(p.values[i]);
  }
  return out + (p.values.size() == 1 ? ",)" : ")");
}

// create_string: a list `params` is joined element by element (so a simple
// polynomial loses its brackets, a composition lists its two atoms); anything
// else is wrapped in a one-element list first.
std::string createString(const FunctionSpec &spec) {
  std::string inner;
  if (spec.atoms.size() == 2)
    inner = pyStr(spec.atoms[0]) + ", " + pyStr(spec.atoms[1]);
  else if (spec.atoms[0].atom == Atom::Polynomial)
    inner = pyJoin(spec.atoms[0].values);
  else
    inner = pyStr(spec.atoms[0]);
  return spec.funcName + "(" + inner + ")";
}

// --- data.json `params` ----------------------------------------------------

Value numbers(const std::vector<double> &values) {
  Array out;
  for (double v : values)
    out.push_back(v);
  return Value(std::move(out));
}

Value toJson(const AtomParams &p) {
  switch (p.atom) {
  case Atom::Ceil:
  case Atom::Floor:
    return nullptr;
  case Atom::Constant:
    return static_cast<int64_t>(p.values[0]);
  case Atom::Polynomial:
    return numbers(p.values);
  case Atom::Rational:
    return Array{numbers(p.values), numbers(p.denominator)};
  default:
    break;
  }
  Array out;
  for (size_t i = 0; i < p.values.size(); ++i) {
    if (isIntPosition(p.atom, i))
      out.push_back(static_cast<int64_t>(p.values[i]));
    else
      out.push_back(p.values[i]);
  }
  return Value(std::move(out));
}

llvm::Expected<std::vector<double>> numberList(const Value &value, llvm::StringRef what) {
  const Array *array = value.getAsArray();
  if (!array)
    return fail(what + ": expected a list");
  std::vector<double> out;
  for (const Value &element : *array) {
    std::optional<double> number = element.getAsNumber();
    if (!number)
      return fail(what + ": expected numbers");
    out.push_back(*number);
  }
  return out;
}

llvm::Expected<AtomParams> fromJson(Atom atom, const Value &value) {
  std::string what(atomName(atom));
  AtomParams p{atom, {}, {}};
  switch (atom) {
  case Atom::Ceil:
  case Atom::Floor:
    if (value.kind() != Value::Null)
      return fail(what + ": expected null");
    return p;
  case Atom::Constant:
    if (std::optional<int64_t> c = value.getAsInteger()) {
      p.values = {static_cast<double>(*c)};
      return p;
    }
    return fail(what + ": expected an integer");
  case Atom::Rational: {
    const Array *parts = value.getAsArray();
    if (!parts || parts->size() != 2)
      return fail(what + ": expected [numerator, denominator]");
    auto numerator = numberList((*parts)[0], what);
    if (!numerator)
      return numerator.takeError();
    auto denominator = numberList((*parts)[1], what);
    if (!denominator)
      return denominator.takeError();
    if (numerator->empty() || denominator->empty())
      return fail(what + ": empty coefficient list");
    p.values = std::move(*numerator);
    p.denominator = std::move(*denominator);
    return p;
  }
  default:
    break;
  }
  auto values = numberList(value, what);
  if (!values)
    return values.takeError();
  size_t arity = tupleArity(atom);
  if (atom == Atom::Polynomial ? values->empty() : values->size() != arity)
    return fail(what + ": wrong number of parameters");
  if (atom == Atom::Root && (*values)[2] != std::floor((*values)[2]))
    return fail(what + ": n must be an integer");
  p.values = std::move(*values);
  return p;
}

llvm::Expected<FunctionSpec> parseSpec(llvm::StringRef funcName, const Value &params) {
  llvm::SmallVector<llvm::StringRef, 3> parts;
  funcName.split(parts, ';');
  FunctionSpec spec{funcName.str(), {}, {}};
  if (parts.size() == 1) {
    std::optional<Atom> atom = parseAtom(parts[0]);
    if (!atom)
      return fail("unknown atom '" + parts[0] + "'");
    auto p = fromJson(*atom, params);
    if (!p)
      return p.takeError();
    spec.atoms.push_back(std::move(*p));
    return spec;
  }
  if (parts.size() != 3)
    return fail("expected 'atom' or 'atom;atom;op': '" + funcName + "'");
  auto op = std::find(kOps.begin(), kOps.end(), std::string_view(parts[2]));
  if (op == kOps.end())
    return fail("unsupported combinator '" + parts[2] + "' (FIND v1 uses sum_two and multiply_two)");
  spec.op = *op;
  const Array *pair = params.getAsArray();
  if (!pair || pair->size() != 2)
    return fail("a composition's params are [paramsA, paramsB]");
  for (size_t i = 0; i < 2; ++i) {
    std::optional<Atom> atom = parseAtom(parts[i]);
    if (!atom)
      return fail("unknown atom '" + parts[i] + "'");
    auto p = fromJson(*atom, (*pair)[i]);
    if (!p)
      return p.takeError();
    spec.atoms.push_back(std::move(*p));
  }
  return spec;
}

// --- FIND's math functions, as numpy evaluates them on a linspace array ----

constexpr double kTwoPi = 2 * std::numbers::pi; // Python's 2 * np.pi, exact

// np.linspace(lo, hi, n)[k]: k * ((hi - lo) / (n - 1)) + lo, the last point
// set to hi.
double linspacePoint(double lo, double hi, size_t n, size_t k) {
  if (k + 1 == n)
    return hi;
  return static_cast<double>(k) * ((hi - lo) / static_cast<double>(n - 1)) + lo;
}

// `x ** k` on a float64 array with a scalar exponent: numpy's fast paths
// (ones_like, positive, square, sqrt), else pow.
double npPower(double x, double k) {
  if (k == 0.0)
    return 1.0;
  if (k == 1.0)
    return x;
  if (k == 2.0)
    return x * x;
  if (k == 0.5)
    return std::sqrt(x);
  return std::pow(x, k);
}

double heaviside(double x, double atZero) {
  if (std::isnan(x))
    return x;
  return x < 0 ? 0.0 : x > 0 ? 1.0 : atZero;
}

// math_functions.py's functions at one point (numpy is elementwise, so one
// point of the array computes exactly as below, libm aside).
double evalAtom(const AtomParams &p, double x) {
  const std::vector<double> &v = p.values;
  switch (p.atom) {
  case Atom::Linear:
    return v[0] * x + v[1];
  case Atom::Polynomial: {
    // result = 0; result += coeffs[i] * x**(degree - i): highest power first.
    double degree = static_cast<double>(v.size() - 1), result = 0.0;
    for (size_t i = 0; i < v.size(); ++i)
      result += v[i] * npPower(x, degree - static_cast<double>(i));
    return result;
  }
  case Atom::Rational: {
    // sum(a * x**i for i, a in enumerate(...)): lowest power first.
    double num = 0.0, den = 0.0;
    for (size_t i = 0; i < v.size(); ++i)
      num += v[i] * npPower(x, static_cast<double>(i));
    for (size_t i = 0; i < p.denominator.size(); ++i)
      den += p.denominator[i] * npPower(x, static_cast<double>(i));
    return num / den;
  }
  case Atom::Absolute:
    return v[0] * std::fabs(x) + v[1];
  case Atom::Root:
    return v[0] * npPower(x, 1.0 / v[2]) + v[1];
  case Atom::Reciprocal:
    return 1.0 / (v[0] * x);
  case Atom::Logarithm:
    return v[0] * (std::log(x) / std::log(v[2])) + v[1];
  case Atom::Step:
    return v[0] * heaviside(x, v[2]) + v[1];
  case Atom::Rectangle:
    return std::fabs(x) <= v[0] / 2 ? 1.0 : 0.0;
  case Atom::Relu:
    return v[0] * (x > 0 ? x : x * v[2]) + v[1];
  case Atom::Tanh:
    return v[0] * std::tanh((kTwoPi / v[1]) * (x - v[2])) + v[3];
  case Atom::Sin:
    return v[0] * std::sin((kTwoPi / v[1]) * (x - v[2])) + v[3];
  case Atom::Cos:
    return v[0] * std::cos((kTwoPi / v[1]) * (x - v[2])) + v[3];
  case Atom::Constant:
    return 1.0 * v[0]; // np.ones_like(x) * a
  case Atom::Ceil:
    return std::ceil(x);
  case Atom::Floor:
    return std::floor(x);
  case Atom::Gaussian: {
    double z = (x - v[0]) / v[1];
    return (1 / (v[1] * std::sqrt(kTwoPi))) * std::exp(-0.5 * (z * z));
  }
  case Atom::SquareWave:
    // The real square wave (the math function), not the released one-line
    // truncation: corruption std and MLP targets use this one.
    return std::sin((x - v[1]) * (kTwoPi / v[0])) > 0 ? 1.0 : -1.0;
  }
  return std::nan("");
}

double evalSpec(const FunctionSpec &spec, double x) {
  if (spec.atoms.size() == 1)
    return evalAtom(spec.atoms[0], x);
  double a = evalAtom(spec.atoms[0], x), b = evalAtom(spec.atoms[1], x);
  return spec.op == "sum_two" ? a + b : a * b;
}

// numpy's pairwise summation of float64 (pairwise_sum in loops_utils.h):
// eight interleaved accumulators up to 128 elements, halves above.
double pairwiseSum(const double *a, size_t n) {
  if (n < 8) {
    double res = 0.0;
    for (size_t i = 0; i < n; ++i)
      res += a[i];
    return res;
  }
  if (n <= 128) {
    std::array<double, 8> r;
    std::copy(a, a + 8, r.begin());
    size_t i = 8;
    for (; i < n - n % 8; i += 8)
      for (size_t j = 0; j < 8; ++j)
        r[j] += a[i + j];
    double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i)
      res += a[i];
    return res;
  }
  size_t half = n / 2;
  half -= half % 8;
  return pairwiseSum(a, half) + pairwiseSum(a + half, n - half);
}

// np.mean(f(np.linspace(lo, hi, 100))): add.reduce starts from its identity 0.
double meanOnGrid(const FunctionSpec &spec, double lo, double hi) {
  constexpr size_t kPoints = 100;
  std::array<double, kPoints> values;
  for (size_t k = 0; k < kPoints; ++k)
    values[k] = evalSpec(spec, linspacePoint(lo, hi, kPoints, k));
  return (0.0 + pairwiseSum(values.data(), kPoints)) / static_cast<double>(kPoints);
}

// --- sampling ----------------------------------------------------------------

// Python's round(x, 1) on a float: correctly rounded to one decimal (ties to
// even on the exact binary value), then the nearest double. to_chars with a
// precision is exact and locale-free, so this is the same everywhere.
double pythonRound1(double x) {
  char buffer[400];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed, 1);
  double rounded = x;
  if (ec == std::errc())
    std::from_chars(buffer, end, rounded);
  return rounded;
}

// numpy's round(x, 1) (np.float64 from np.random.choice): rint(x * 10) / 10.
// On the 100-point grids used here it agrees with Python's round.
double numpyRound1(double x) { return std::nearbyint(x * 10.0) / 10.0; }

// One function's random stream: Philox key = the seed, counter = (function
// index, draw index, 0, 0), one block per draw.
class Draws {
public:
  Draws(uint64_t seed, uint32_t function)
      : key_{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)}, function_(function) {}

  // random.random(): a double in (0, 1).
  double random() { return rt::uniformPair({function_, next_++, 0, 0}, key_).first; }
  // random.uniform(lo, hi) = lo + (hi - lo) * random().
  double uniform(double lo, double hi) { return lo + (hi - lo) * random(); }
  // A uniform index in [0, n): np.random.choice over n items.
  size_t index(size_t n) { return std::min(static_cast<size_t>(random() * static_cast<double>(n)), n - 1); }
  // random.randint(lo, hi), both ends included.
  int64_t randint(int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(index(static_cast<size_t>(hi - lo + 1))); }

private:
  rt::PhiloxKey key_;
  uint32_t function_;
  uint32_t next_ = 0;
};

// math_functions.sample_single_f for one atom. FIND draws scale, bias,
// amplitude, phase_shift and period up front for every atom; here each is
// drawn when used (same distribution, shorter stream).
AtomParams sampleAtom(Atom atom, Draws &draws) {
  auto oneDecimal = [&](double lo, double hi) { return pythonRound1(draws.uniform(lo, hi)); };
  // round(np.random.choice(np.linspace(lo, hi, 100)), 1)
  auto grid = [&](double lo, double hi) { return numpyRound1(linspacePoint(lo, hi, 100, draws.index(100))); };
  auto scale = [&] { return oneDecimal(-30, 30); };
  auto bias = [&] { return grid(-10, 10); }; // v1's bias; see FindSampler.h
  auto coefficients = [&](int64_t count, double bound) {
    std::vector<double> out;
    for (int64_t i = 0; i < count; ++i)
      out.push_back(oneDecimal(-bound, bound));
    return out;
  };

  // Braced lists evaluate left to right, so each tuple draws in FIND's order.
  AtomParams p{atom, {}, {}};
  switch (atom) {
  case Atom::Linear:
    p.values = {oneDecimal(-10, 10), oneDecimal(-10, 10)};
    break;
  case Atom::Polynomial:
    p.values = coefficients(draws.randint(2, 5) + 1, 5);
    break;
  case Atom::Rational: {
    int64_t numOrder = draws.randint(0, 4);
    int64_t denOrder = draws.randint(numOrder + 1, 5);
    p.values = coefficients(numOrder + 1, 10);
    p.denominator = coefficients(denOrder + 1, 10);
    break;
  }
  case Atom::Reciprocal:
    p.values = {oneDecimal(-10, 10)};
    break;
  case Atom::Root:
    p.values = {scale(), bias(), static_cast<double>(draws.randint(1, 2))};
    break;
  case Atom::Gaussian:
    p.values = {oneDecimal(-50, 50), oneDecimal(1, 10)};
    break;
  case Atom::Absolute:
    p.values = {scale(), bias()};
    break;
  case Atom::Logarithm:
    p.values = {scale(), bias(), oneDecimal(1, 10)};
    break;
  case Atom::Step:
    p.values = {scale(), bias(), oneDecimal(-100, 100)};
    break;
  case Atom::SquareWave:
    p.values = {oneDecimal(1, 10), oneDecimal(-5, 5)};
    break;
  case Atom::Rectangle:
    p.values = {oneDecimal(1, 10)};
    break;
  case Atom::Relu:
    p.values = {scale(), bias(), oneDecimal(0, 1)};
    break;
  case Atom::Tanh:
  case Atom::Sin:
  case Atom::Cos:
    // (amplitude, phase_shift, period, bias); p1 acts as the period.
    p.values = {grid(-10, 10), grid(0.1, kTwoPi), grid(0.1, kTwoPi), bias()};
    break;
  case Atom::Constant:
    p.values = {static_cast<double>(draws.randint(-100, 99))}; // np.random.randint(-100, 100)
    break;
  case Atom::Ceil:
  case Atom::Floor:
    break;
  }
  return p;
}

// utils.get_type
std::string findType(const FunctionSpec &spec) {
  return spec.atoms.size() == 1 ? "simple" : std::string(atomName(spec.atoms[0].atom));
}

// v1's domain (utils.get_test_domain; see FindSampler.h).
std::array<int64_t, 2> findDomain(llvm::StringRef funcName) {
  if (funcName.contains("log"))
    return {1, 100};
  if (funcName.contains("root"))
    return {0, 100};
  return {-100, 100};
}

Object sampleEntry(uint32_t index, bool mlp, uint64_t seed, std::string &variant) {
  Draws draws(seed, index);

  // math_functions.sample(p_simple = 0.85)
  FunctionSpec spec;
  if (draws.random() < 0.85) {
    spec.atoms.push_back(sampleAtom(kSimpleAtoms[draws.index(kSimpleAtoms.size())], draws));
    spec.funcName = atomName(spec.atoms[0].atom);
  } else {
    spec.op = kOps[draws.index(kOps.size())];
    for (int i = 0; i < 2; ++i)
      spec.atoms.push_back(sampleAtom(kCompositionAtoms[draws.index(kCompositionAtoms.size())], draws));
    spec.funcName = std::string(atomName(spec.atoms[0].atom)) + ";" + std::string(atomName(spec.atoms[1].atom)) + ";" +
                    std::string(spec.op);
  }
  std::array<int64_t, 2> domain = findDomain(spec.funcName);

  // math_functions.sample_corruption
  double mean = meanOnGrid(spec, static_cast<double>(domain[0]), static_cast<double>(domain[1]));
  double a = pythonRound1(draws.uniform(static_cast<double>(std::max<int64_t>(domain[0], -100)), 100));
  Array boundary{a};
  std::string corruption;
  if (draws.index(2) == 0) // np.random.choice([True, False])
    corruption = draws.index(2) == 0 ? "interval_smaller" : "interval_larger";
  else {
    boundary.push_back(draws.uniform(a + 5, a + 25));
    corruption = "interval_inside";
  }

  // write_source_code.wrtie_noised_function: two independent random() calls.
  rt::NoiseKind noise = draws.random() < 0.33   ? rt::NoiseKind::Normal
                        : draws.random() < 0.66 ? rt::NoiseKind::Uniform
                                                : rt::NoiseKind::Poisson;

  if (mlp)
    variant = "load_mlp.py";
  else {
    // Not in FIND's code: v1's split of the 850 non-MLP functions.
    double u = draws.random() * 850;
    variant = u < 483 ? "function_code.py" : u < 483 + 176 ? "noised_function_code.py" : "corrupted_function_code.py";
  }

  Value params =
      spec.atoms.size() == 1 ? toJson(spec.atoms[0]) : Value(Array{toJson(spec.atoms[0]), toJson(spec.atoms[1])});
  char dirText[16];
  std::snprintf(dirText, sizeof dirText, "f%05u", index);
  std::string dir = dirText; // json::Value borrows a char*, but owns a std::string
  return Object{
      {"type", findType(spec)},
      {"params", std::move(params)},
      {"name", createString(spec)},
      {"dir", dir},
      {"approx_mse_error", "not trained"},
      {"corruption_type", corruption},
      {"corruption_params",
       Object{{"std", std::isfinite(mean) ? Value(mean) : Value(nullptr)}, {"boundary", std::move(boundary)}}},
      {"domain", Array{domain[0], domain[1]}},
      {"noise_type", std::string(rt::noiseKindName(noise))},
      {"noise_params", 1},
      {"GPT_description", ""},
  };
}

} // namespace


llvm::Expected<std::string> formatFindName(llvm::StringRef funcName, const llvm::json::Value &params) {
  auto spec = parseSpec(funcName, params);
  if (!spec)
    return spec.takeError();
  return createString(*spec);
}

llvm::Expected<double> findMathMean(llvm::StringRef funcName, const llvm::json::Value &params, double lo, double hi) {
  auto spec = parseSpec(funcName, params);
  if (!spec)
    return spec.takeError();
  return meanOnGrid(*spec, lo, hi);
}

FindSample sampleFindNumeric(unsigned count, uint64_t seed) {
  FindSample sample;
  // generate_functions.py trains `i <= int(mlp * N)`, but v1 hands out
  // load_mlp.py for exactly the first int(0.15 * N) (f00000-f00149 of 1,000).
  auto mlpCount = static_cast<unsigned>(0.15 * static_cast<double>(count));
  for (unsigned i = 0; i < count; ++i) {
    std::string variant;
    Object entry = sampleEntry(i, i < mlpCount, seed, variant);
    std::string dir = entry.getString("dir")->str();
    sample.variants[dir] = variant;
    sample.data.push_back(std::move(entry));
  }
  return sample;
}

} // namespace findc::suite
