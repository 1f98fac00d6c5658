#include "compiler/suite/FindWriter.h"

#include "runtime/Bench.h"
#include "runtime/Value.h"

#include <fmt/core.h>

#include <cmath>
#include <optional>
#include <vector>

namespace findc::suite {
namespace {

namespace json = llvm::json;

// How an atom is written. FIND's noised, corrupted and composed code keeps
// only the text after an atom's first `return`, which truncates square_wave
// to its second line; FIND's MLPs were trained on its math functions, where
// absolute keeps its bias and square_wave is the real square wave.
enum class Form { Released, Truncated, Math };

// What x is when FIND's code runs: a Python float (clean and noised files),
// or a 0-d NumPy array (corrupted files convert it first; MLP targets are
// NumPy arrays). It decides Python's or NumPy's division and power.
enum class Operand { PythonFloat, NumpyArray };

llvm::Error malformed(const std::string& dir, const std::string& what) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s: %s", dir.c_str(), what.c_str());
}

// A parameter as FIND pasted it: Python's str() of the float, or of the int
// where FIND has ints (constant's c, root's n).
std::string number(const json::Value& v, bool asInt = false) {
  if (asInt)
    if (std::optional<int64_t> i = v.getAsInteger())
      return std::to_string(*i);
  return formatPython(Scalar::ofReal(v.getAsNumber().value_or(std::nan(""))));
}

class EntryWriter {
public:
  explicit EntryWriter(std::string dir) : dir_(std::move(dir)) {}

  // The expression of one atom; `standalone` allows a stdlib call (inside a
  // sum, FIND's flat text decides the order of additions, so it is inlined).
  llvm::Expected<std::string> atom(const std::string& name, const json::Value* params, Form form, Operand operand,
                                   bool standalone) {
    bool python = operand == Operand::PythonFloat;
    // Python's `a / b` and `a ** k` where FIND's code divides or raises Python floats.
    auto divide = [&](const std::string& a, const std::string& b) {
      return python ? "py_div(" + a + ", " + b + ")" : a + " / " + b;
    };
    auto power = [&](const std::string& a, const std::string& k) {
      return python ? "py_pow(" + a + ", " + k + ")" : a + "**" + k;
    };
    // The stdlib form of an atom whose value differs on NumPy arrays (numeric.fnd).
    std::string twin = python ? "" : "_array";
    if (name == "ceil" || name == "floor")
      return name + "(x)";
    if (name == "constant") {
      if (!params || !params->getAsNumber())
        return malformed(dir_, "constant needs one number");
      std::string c = number(*params, true);
      return standalone ? "numeric.constant(x, " + c + ")" : c + "*1.0";
    }
    const json::Array* list = params ? params->getAsArray() : nullptr;
    if (!list)
      return malformed(dir_, name + " needs a parameter list");
    std::vector<std::string> p;
    if (name != "rational")
      for (const json::Value& v : *list) {
        if (!v.getAsNumber())
          return malformed(dir_, name + " has a parameter that is not a number");
        p.push_back(number(v, name == "root" && p.size() == 2));
      }
    auto expect = [&](size_t n) -> llvm::Error {
      return p.size() == n ? llvm::Error::success()
                           : malformed(dir_, fmt::format("{} takes {} parameters, got {}", name, n, p.size()));
    };
    auto call = [&](const std::string& fn) {
      std::string text = "numeric." + fn + "(x";
      for (const std::string& v : p)
        text += ", " + v;
      return text + ")";
    };
    // Each atom: the stdlib call, and FIND's released text (numpy spelled
    // the findc way: np.where -> where, np.ones_like(x) -> 1.0, ...).
    auto pick = [&](size_t n, const std::string& fn, std::string inlineText) -> llvm::Expected<std::string> {
      if (llvm::Error e = expect(n))
        return e;
      return standalone ? call(fn) : inlineText;
    };
    if (name == "linear")
      return pick(2, "linear", p[0] + "*x + " + p[1]);
    if (name == "relu")
      return pick(3, "relu", p[0] + " * where(x > 0, x, x * " + p[2] + ") + " + p[1]);
    if (name == "step")
      return pick(3, "step", p[0] + "*heaviside(x, " + p[2] + ") + " + p[1]);
    if (name == "rectangle")
      return pick(1, "rectangle", "where(abs(x) <= " + p[0] + "/2, 1, 0)");
    if (name == "root")
      return pick(3, "root" + twin, p[0] + "*(" + power("x", "(1.0 / " + p[2] + ")") + ") + " + p[1]);
    if (name == "reciprocal")
      return pick(1, "reciprocal" + twin, divide("1", "(" + p[0] + " * x)"));
    if (name == "logarithm")
      return pick(3, "logarithm", p[0] + "*(log(x) / log(" + p[2] + ")) + " + p[1]);
    if (name == "gaussian")
      return pick(2, "gaussian" + twin,
                  "(1 / (" + p[1] + " * sqrt(2 * pi))) * exp(-0.5 * " +
                      power("(" + divide("(x - " + p[0] + ")", p[1]) + ")", "2") + ")");
    if (name == "sigmoid")
      return pick(3, "sigmoid", p[0] + " *(1 / (1 + exp(-x/" + p[2] + "))) + " + p[1]);
    if (name == "sin" || name == "cos" || name == "tan" || name == "tanh")
      return pick(4, name, p[0] + " * " + name + "((2 * pi / " + p[1] + ")*(x-" + p[2] + ")) + " + p[3]);
    if (name == "absolute") {
      if (llvm::Error e = expect(2))
        return e;
      if (form == Form::Math)
        return p[0] + "*abs(x) + " + p[1];
      return standalone ? call("absolute") : p[0] + "*abs(x)";
    }
    if (name == "square_wave") {
      if (llvm::Error e = expect(2))
        return e;
      if (form == Form::Truncated)
        return std::string(standalone ? "numeric.square_wave_truncated(x)" : "where(x > 0, 1, -1)");
      return standalone ? call("square_wave")
                        : "where(sin((x - " + p[1] + ") * (2 * pi / " + p[0] + ")) > 0, 1, -1)";
    }
    if (name == "polynomial") {
      if (p.size() < 2)
        return malformed(dir_, "polynomial needs at least two coefficients");
      size_t degree = p.size() - 1;
      if (standalone && degree >= 2 && degree <= 5)
        return call("polynomial" + std::to_string(degree) + twin);
      std::string text;
      for (size_t i = 0; i <= degree; ++i)
        text += (i ? " + " : "") + p[i] + "*" + power("x", std::to_string(degree - i));
      return text;
    }
    if (name == "rational") {
      if (list->size() != 2 || !(*list)[0].getAsArray() || !(*list)[1].getAsArray())
        return malformed(dir_, "rational needs [numerator, denominator] coefficient lists");
      auto ascending = [&](const json::Array& coefficients) {
        std::string text;
        for (size_t i = 0; i < coefficients.size(); ++i)
          text += (i ? " + " : "") + number(coefficients[i]) + "*" + power("x", std::to_string(i));
        return text;
      };
      return divide("(" + ascending(*(*list)[0].getAsArray()) + ")", "(" + ascending(*(*list)[1].getAsArray()) + ")");
    }
    return malformed(dir_, "unknown FIND atom '" + name + "'");
  }

private:
  std::string dir_;
};

// "relu;linear;multiply_two((0.3, ...), (...))" -> "relu;linear;multiply_two".
std::string kindOf(llvm::StringRef name) { return name.substr(0, name.find('(')).str(); }

struct Variant {
  enum Kind { Clean, Noised, Corrupted, Mlp } kind = Clean;
  const char* description = "its clean function";
};

llvm::Expected<Variant> variantOf(const json::Object& variants, const std::string& dir) {
  std::optional<llvm::StringRef> file = variants.getString(dir);
  if (!file)
    return malformed(dir, "missing from the variants file");
  if (*file == "function_code.py")
    return Variant{Variant::Clean, "its clean function"};
  if (*file == "noised_function_code.py")
    return Variant{Variant::Noised, "its noised function"};
  if (*file == "corrupted_function_code.py")
    return Variant{Variant::Corrupted, "its corrupted function"};
  if (*file == "load_mlp.py")
    return Variant{Variant::Mlp, "its MLP approximation"};
  return malformed(dir, "unknown variant file '" + file->str() + "'");
}

llvm::Expected<std::string> writeEntry(const json::Object& entry, const json::Object& variants,
                                       const std::string& label) {
  std::optional<llvm::StringRef> dir = entry.getString("dir"), name = entry.getString("name");
  if (!dir || !name)
    return malformed(dir ? dir->str() : "entry", "needs \"dir\" and \"name\"");
  llvm::Expected<Variant> variant = variantOf(variants, dir->str());
  if (!variant)
    return variant.takeError();
  Form form = variant->kind == Variant::Mlp        ? Form::Math
              : variant->kind == Variant::Clean ? Form::Released
                                                   : Form::Truncated;
  Operand operand = variant->kind == Variant::Clean || variant->kind == Variant::Noised ? Operand::PythonFloat
                                                                                      : Operand::NumpyArray;
  EntryWriter writer(dir->str());
  std::string kind = kindOf(*name);
  const json::Value* params = entry.get("params");
  std::string body;
  if (kind.find(';') == std::string::npos) {
    llvm::Expected<std::string> e = writer.atom(kind, params, form, operand, /*standalone=*/true);
    if (!e)
      return e.takeError();
    body = *e;
  } else {
    llvm::SmallVector<llvm::StringRef, 3> parts;
    llvm::StringRef(kind).split(parts, ';');
    const json::Array* pair = params ? params->getAsArray() : nullptr;
    if (parts.size() != 3 || !pair || pair->size() != 2)
      return malformed(dir->str(), "a composition needs two atoms, an operation and two parameter sets");
    Form inner = form == Form::Math ? Form::Math : Form::Truncated;
    llvm::Expected<std::string> a = writer.atom(parts[0].str(), &(*pair)[0], inner, operand, false);
    if (!a)
      return a.takeError();
    llvm::Expected<std::string> b = writer.atom(parts[1].str(), &(*pair)[1], inner, operand, false);
    if (!b)
      return b.takeError();
    if (parts[2] == "sum_two")
      body = *a + " + " + *b; // FIND's flat text: added left to right
    else if (parts[2] == "multiply_two")
      body = "(" + *a + ") * (" + *b + ")";
    else
      return malformed(dir->str(), "unknown composition '" + parts[2].str() + "'");
  }

  std::string out = fmt::format("## {} {}: {}, shipped as {}.\n", label, dir->str(), name->str(), variant->description);
  out += fmt::format("bench {}(x) = {}\n", dir->str(), body);
  out += fmt::format("    category \"{}\"\n", kind);
  if (const json::Array* domain = entry.getArray("domain"); domain && domain->size() == 2)
    out += fmt::format("    domain [{}, {}] extrapolate\n", number((*domain)[0], true), number((*domain)[1], true));
  switch (variant->kind) {
  case Variant::Clean: break;
  case Variant::Noised: {
    std::optional<llvm::StringRef> type = entry.getString("noise_type");
    std::optional<rt::NoiseKind> noise = type ? rt::noiseKindFromName(*type) : std::nullopt;
    if (!noise)
      return malformed(dir->str(), "noised, but \"noise_type\" is not normal, uniform or poisson");
    // FIND's code hard-codes scale=1, low=-1/high=1 and lam=1.
    out += fmt::format("    noise {}(1)\n", rt::noiseKindName(*noise));
    break;
  }
  case Variant::Corrupted: {
    std::optional<llvm::StringRef> type = entry.getString("corruption_type");
    const json::Object* cparams = entry.getObject("corruption_params");
    const json::Array* boundary = cparams ? cparams->getArray("boundary") : nullptr;
    std::optional<double> mean = cparams ? cparams->getNumber("std") : std::nullopt;
    if (!type || !boundary || boundary->empty() || !mean)
      return malformed(dir->str(), "corrupted, but \"corruption_type\" or \"corruption_params\" is incomplete");
    // FIND's JSON calls the normal's mean "std"; its scale is always 0.1.
    std::string with = fmt::format(" with normal({}, 0.1)\n", formatPython(Scalar::ofReal(*mean)));
    std::optional<rt::CorruptRegion> region;
    std::string bounds = number((*boundary)[0]);
    if (*type == "interval_smaller") {
      region = rt::CorruptRegion::Below;
    } else if (*type == "interval_larger") {
      region = rt::CorruptRegion::Above;
    } else if (*type == "interval_inside" && boundary->size() == 2) {
      region = rt::CorruptRegion::Inside;
      bounds = "(" + bounds + ", " + number((*boundary)[1]) + ")";
    }
    if (!region)
      return malformed(dir->str(), "unknown corruption '" + type->str() + "'");
    out += fmt::format("    corrupt {} {}{}", rt::corruptRegionName(*region), bounds, with);
    break;
  }
  case Variant::Mlp: out += "    approx mlp(hidden = 64)\n"; break;
  }
  return out;
}

} // namespace

llvm::Expected<FindSuiteText> writeFindSuite(const json::Array& data, const json::Object& variants,
                                             const std::string& origin, const std::string& label) {
  FindSuiteText suite;
  suite.text = "# FIND numeric functions as a findc suite, written by `findc suite` from\n# " + origin +
               ".\n# Each bench computes what FIND's code for it computes (its writer's templates); see\n"
               "# docs/find-v1-notes.md for the quirks this keeps.\n";
  for (const json::Value& value : data) {
    const json::Object* entry = value.getAsObject();
    if (!entry)
      return llvm::createStringError(llvm::inconvertibleErrorCode(), "an entry is not a JSON object");
    llvm::Expected<std::string> text = writeEntry(*entry, variants, label);
    if (!text)
      return text.takeError();
    suite.text += "\n" + *text;
    ++suite.benches;
  }
  return suite;
}

} // namespace findc::suite
