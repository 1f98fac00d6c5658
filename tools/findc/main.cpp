// findc: the command-line driver. Compiles .fnd files and checks, evaluates,
// calls (in FIND's output format) or prints the compiled form of functions.

#include "compiler/codegen/Codegen.h"
#include "compiler/driver/Compiler.h"
#include "compiler/interp/Interpreter.h"
#include "compiler/jit/JIT.h"
#include "runtime/PrimOps.h"
#include "tools/findc/Suite.h"

#include <fmt/core.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/thread.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <algorithm>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace findc {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitCompileError = 1;
constexpr int kExitUsage = 2;

const char* const kMainHelp = R"(findc: compiler and JIT for interpretability benchmark functions

usage: findc <command> [options]

commands:
  check FILE...        report diagnostics only
  eval FILE --fn NAME  evaluate a function at the given inputs
  call FILE --fn NAME  evaluate and print FIND's "Function input - output pairs" line
  emit FILE            print the compiled form: findc IR, LLVM IR or assembly
  list FILE            list the functions with their signatures and descriptions
  suite ACTION         write suites: import-find, generate, train

Run `findc <command> --help` for a command's options.
)";

const char* const kCheckHelp = R"(usage: findc check FILE...

Parses and type-checks each file; prints `file:line:col: error: ...` for every
problem found. Exits 1 if any file has errors.
)";

const char* const kEvalHelp = R"(usage: findc eval FILE --fn NAME [options] [X...]
       findc eval --stdlib --fn NAME [options] [X...]

Evaluates NAME at each input X and prints one output per line: numbers as
%.17g (with nan and inf), strings as their text, bools as True/False, lists
as Python prints them. X binds NAME's first parameter (a number, or for a
str parameter the text as given); the others take --params, then their
defaults. Where FIND's Python would raise (an index out of range, ...), the
output is None (null in JSON, with the error's name under "errors").

options:
  --fn NAME             the function to evaluate (required; with --json it
                        may repeat: one JSON object per function and line)
  --engine jit|interp   native code (default) or the reference interpreter
  --math exact|vector   exact: glibc's scalar libm, bit-identical to the
                        interpreter (default); vector: libmvec SIMD math
  --grid A:B:N          also evaluate N evenly spaced points from A to B
  --find-grid           also evaluate FIND's test grid x = i + 0.5, i in [-128, 128)
  --json                print {"fn": ..., "inputs": [...], "outputs": [...]},
                        non-finite outputs as null; if any input failed,
                        also "errors": [null or "IndexError", ...] per input
  --params JSON         the parameters after the first, as a JSON array in
                        the function's order: numbers, strings, booleans,
                        lists, and objects for map[str, str]
  --stdlib              NAME is a standard library function (no FILE):
                        reverse_string, or qualified: strings.reverse_string

benchmark functions (`bench` declarations):
  --clean               without noise and corruption (what FIND scores against)
  --seed N              the noise seed (default 0): equal seeds and inputs give
                        equal outputs; each input is a new query, so a repeated
                        X gets fresh noise
  --first-query K       number the queries from K (default 0), to continue a
                        sequence across runs
)";

const char* const kCallHelp = R"(usage: findc call FILE --fn NAME [options] X...

Prints `Function input - output pairs: (X1, Y1) (X2, Y2) ` exactly as FIND's
function_code.py does, so a FIND agent harness can run findc in its place.
Undefined outputs (NaN) and failed evaluations print as None (FIND's string
harness would stop at the first exception instead). Options: --engine,
--math, --params, --stdlib, and for benchmark functions --clean, --seed N
and --first-query K, as for eval.
)";

const char* const kEmitHelp = R"(usage: findc emit FILE [--fn NAME] (--ir | --llvm | --asm) [options]

Prints the compiled form of NAME (every function when --fn is absent).

options:
  --ir                  findc IR
  --llvm                LLVM IR after -O2
  --asm                 native assembly for this host
  --no-opt              findc IR before optimization, LLVM IR before -O2
  --math exact|vector   as for eval
)";

const char* const kListHelp = R"(usage: findc list FILE [--json]

Lists the functions of FILE: signature, whether it can be called with one
number (eval/call), and its description (the `##` doc comment); for benchmark
functions also their category, domain, noise, corruption and approximation.

options:
  --json                print {"functions": [{"name", "params": [{"name",
                        "type", "default"?}], "result", "unary", "description"}]};
                        "default" is absent without one, null if not finite.
                        Benchmark functions add "bench": true, "category",
                        "domain": [lo, hi] | null, "outside_domain": "nan" |
                        "extrapolate", "noise": {"kind", "scale"} | null,
                        "corruption": {"kind": "below" | "above" | "inside",
                        "bounds": [a] | [a, b], "mean", "scale"} | null,
                        "approx": {"kind": "mlp", "hidden", "trained",
                        "mse"} | null
)";

// Options shared by the commands; each command reads the ones it documents.
struct Options {
  std::vector<std::string> positional;
  std::string function;              // the last --fn
  std::vector<std::string> functions; // every --fn, in order
  std::string engine = "jit";
  MathMode math = MathMode::Exact;
  std::vector<double> gridInputs;
  std::vector<std::string> gridTexts;
  bool json = false;
  bool help = false;
  bool noOpt = false;
  bool clean = false;
  uint64_t seed = 0;
  uint64_t firstQuery = 0;
  std::string emitKind;
  std::optional<std::string> params; // --params JSON
  bool stdlib = false;
  std::set<std::string> seen; // every --option given
};

std::optional<double> parseNumber(const std::string& text) {
  if (text.empty())
    return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size())
    return std::nullopt;
  return value;
}

// numpy.linspace(a, b, n).
void addGrid(Options& options, const std::string& spec) {
  size_t first = spec.find(':');
  size_t second = first == std::string::npos ? first : spec.find(':', first + 1);
  if (second == std::string::npos)
    throw UsageError("--grid expects A:B:N, got '" + spec + "'");
  auto a = parseNumber(spec.substr(0, first));
  auto b = parseNumber(spec.substr(first + 1, second - first - 1));
  auto n = parseNumber(spec.substr(second + 1));
  if (!a || !b || !n || *n < 1 || *n != std::floor(*n) || *n > 1e8)
    throw UsageError("--grid expects A:B:N with numbers A, B and a count N >= 1, got '" + spec + "'");
  auto count = static_cast<size_t>(*n);
  double step = count > 1 ? (*b - *a) / static_cast<double>(count - 1) : 0.0;
  for (size_t i = 0; i < count; ++i) {
    double x = i + 1 == count && count > 1 ? *b : *a + static_cast<double>(i) * step;
    options.gridInputs.push_back(x);
    options.gridTexts.push_back(formatG17(x));
  }
}

Options parseOptions(const std::vector<std::string>& args) {
  Options options;
  auto value = [&](size_t& i) -> const std::string& {
    if (i + 1 >= args.size())
      throw UsageError("option " + args[i] + " needs a value");
    return args[++i];
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") { // the rest are inputs, even if they start with '-'
      options.positional.insert(options.positional.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                args.end());
      break;
    }
    if (arg.starts_with("--") && arg != "--help")
      options.seen.insert(arg);
    if (arg == "--help" || arg == "-h") options.help = true;
    else if (arg == "--fn") {
      options.function = value(i);
      options.functions.push_back(options.function);
    }
    else if (arg == "--engine") {
      options.engine = value(i);
      if (options.engine != "jit" && options.engine != "interp")
        throw UsageError("--engine must be jit or interp, got '" + options.engine + "'");
    } else if (arg == "--math") {
      const std::string& mode = value(i);
      if (mode == "exact") options.math = MathMode::Exact;
      else if (mode == "vector") options.math = MathMode::Vector;
      else throw UsageError("--math must be exact or vector, got '" + mode + "'");
    } else if (arg == "--grid") addGrid(options, value(i));
    else if (arg == "--find-grid") {
      for (int k = -128; k < 128; ++k) {
        options.gridInputs.push_back(k + 0.5);
        options.gridTexts.push_back(formatG17(k + 0.5));
      }
    } else if (arg == "--json") options.json = true;
    else if (arg == "--clean") options.clean = true;
    else if (arg == "--seed") options.seed = parseCount(arg, value(i));
    else if (arg == "--first-query") options.firstQuery = parseCount(arg, value(i));
    else if (arg == "--no-opt") options.noOpt = true;
    else if (arg == "--params") options.params = value(i);
    else if (arg == "--stdlib") options.stdlib = true;
    else if (arg == "--ir" || arg == "--llvm" || arg == "--asm") {
      if (!options.emitKind.empty() && options.emitKind != arg)
        throw UsageError("choose one of --ir, --llvm and --asm");
      options.emitKind = arg;
    } else if (arg.size() > 1 && arg[0] == '-' && !parseNumber(arg)) {
      throw UsageError("unknown option '" + arg + "'");
    } else {
      options.positional.push_back(arg);
    }
  }
  return options;
}

// A compiled file: its source, diagnostics and IR.
struct Compiled {
  std::unique_ptr<SourceFile> file;
  ir::Module module;
};

std::optional<Compiled> compileFile(const std::string& path, bool optimize = true) {
  DiagnosticEngine diags;
  std::string why;
  auto file = SourceFile::read(path, &why);
  if (!file) {
    diags.error("cannot read '" + path + "': " + why);
    diags.print(std::cerr);
    return std::nullopt;
  }
  auto module = compileToIR(*file, diags, {.optimize = optimize});
  diags.print(std::cerr);
  if (!module)
    return std::nullopt;
  return Compiled{std::move(file), std::move(*module)};
}

// Every standard library function, for --stdlib.
std::optional<Compiled> compileStdlib() {
  DiagnosticEngine diags;
  auto file = std::make_unique<SourceFile>("<stdlib>", "");
  auto module = compileToIR(*file, diags, {.optimize = false, .allLibraryFunctions = true});
  diags.print(std::cerr);
  if (!module)
    return std::nullopt;
  return Compiled{std::move(file), std::move(*module)};
}

uint32_t requireFunction(const ir::Module& module, const std::string& name, bool stdlib) {
  if (name.empty())
    throw UsageError("--fn NAME is required");
  if (stdlib)
    for (const char* library : {"strings.", "numeric."})
      if (auto index = module.find(library + name))
        return *index;
  auto index = module.find(name);
  if (!index)
    throw UsageError(stdlib ? "no standard library function named '" + name + "'"
                            : "no function named '" + name + "'");
  return *index;
}

[[noreturn]] void failLLVM(llvm::Error error) {
  throw std::runtime_error(llvm::toString(std::move(error)));
}

template <typename T> T unwrap(llvm::Expected<T> value) {
  if (!value)
    failLLVM(value.takeError());
  return std::move(*value);
}

// The arguments of one function after its first: --params, then defaults.
struct BoundParams {
  std::vector<Scalar> rest;
};

Scalar jsonToScalar(const llvm::json::Value& value, Type type, rt::Arena& arena, const std::string& where) {
  auto wrong = [&]() -> UsageError {
    std::string text;
    llvm::raw_string_ostream os(text);
    os << value;
    return UsageError(where + " has type '" + std::string(typeName(type)) + "', but --params gives " + text);
  };
  switch (type) {
  case Type::Bool:
    if (auto b = value.getAsBoolean())
      return Scalar::ofBool(*b);
    throw wrong();
  case Type::Int:
    if (auto i = value.getAsInteger())
      return Scalar::ofInt(*i);
    throw wrong();
  case Type::Real:
    if (auto r = value.getAsNumber())
      return Scalar::ofReal(*r);
    throw wrong();
  case Type::Str:
    if (auto text = value.getAsString())
      return Scalar::ofStr(rt::makeStr(arena, *text));
    throw wrong();
  case Type::StrList:
  case Type::IntList: {
    const llvm::json::Array* items = value.getAsArray();
    if (!items)
      throw wrong();
    std::vector<std::string> strings;
    std::vector<int64_t> ints;
    for (const llvm::json::Value& item : *items) {
      if (type == Type::StrList) {
        auto text = item.getAsString();
        if (!text)
          throw wrong();
        strings.emplace_back(*text);
      } else {
        auto i = item.getAsInteger();
        if (!i)
          throw wrong();
        ints.push_back(*i);
      }
    }
    return Scalar::ofList(type, type == Type::StrList ? rt::makeStrList(arena, strings) : rt::makeIntList(arena, ints));
  }
  case Type::StrMap: {
    const llvm::json::Object* object = value.getAsObject();
    if (!object)
      throw wrong();
    // JSON objects are unordered in llvm::json; FIND's dicts are ordered:
    // keep the order of the text.
    std::vector<std::pair<std::string, std::string>> entries;
    for (const auto& [key, item] : *object) {
      auto text = item.getAsString();
      if (!text)
        throw wrong();
      entries.emplace_back(key.str(), text->str());
    }
    return Scalar::ofMap(rt::makeMap(arena, entries));
  }
  case Type::Error: break;
  }
  throw wrong();
}

BoundParams bindParams(const ir::Function& fn, const Options& options, rt::Arena& arena) {
  BoundParams bound;
  std::vector<llvm::json::Value> given;
  if (options.params) {
    llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(*options.params);
    if (!parsed)
      throw UsageError("--params is not valid JSON: " + llvm::toString(parsed.takeError()));
    const llvm::json::Array* array = parsed->getAsArray();
    if (!array)
      throw UsageError("--params must be a JSON array, in the order of the parameters after the first");
    given.assign(array->begin(), array->end());
  }
  if (given.size() + 1 > fn.params.size())
    throw UsageError("'" + fn.name + "' takes " + std::to_string(fn.params.size()) + " parameter" +
                     (fn.params.size() == 1 ? "" : "s") + ", but --params gives " + std::to_string(given.size()) +
                     " after the input");
  for (size_t k = 1; k < fn.params.size(); ++k) {
    const ir::Param& p = fn.params[k];
    if (k - 1 < given.size())
      bound.rest.push_back(jsonToScalar(given[k - 1], p.type, arena, "parameter '" + p.name + "'"));
    else if (p.defaultValue)
      bound.rest.push_back(*p.defaultValue);
    else
      throw UsageError("'" + fn.name + "' needs a value for parameter '" + p.name + "': pass --params");
  }
  return bound;
}

// An input as typed, as a value of the first parameter's type.
Scalar parseInput(const std::string& text, const ir::Param& param, const std::string& function, rt::Arena& arena) {
  switch (param.type) {
  case Type::Str: return Scalar::ofStr(rt::makeStr(arena, text));
  case Type::Bool:
    if (text == "True" || text == "true") return Scalar::ofBool(true);
    if (text == "False" || text == "false") return Scalar::ofBool(false);
    break;
  case Type::Int: {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size())
      return Scalar::ofInt(value);
    break;
  }
  case Type::Real:
    if (auto x = parseNumber(text))
      return Scalar::ofReal(*x);
    break;
  default: {
    auto json = llvm::json::parse(text);
    if (!json)
      break;
    return jsonToScalar(*json, param.type, arena, "the input");
  }
  }
  throw UsageError("'" + function + "' takes a '" + std::string(typeName(param.type)) + "' first; input '" + text +
                   "' is not one");
}

// What one evaluation of a function without the unary fast path gave.
struct Outcome {
  Scalar value;
  rt::ErrorKind error = rt::ErrorKind::None;
};

// Evaluates each of `fns` at the inputs with the chosen engine (one JIT for
// all): numeric functions through their batch entry, the others (strings,
// statements, --params) one call per input through the boxed entry.
struct Engines {
  std::unique_ptr<Interpreter> interpreter;
  std::unique_ptr<JIT> jit;
};

Engines makeEngines(const Compiled& compiled, const std::vector<uint32_t>& fns, const std::vector<uint32_t>& boxed,
                    const Options& options) {
  Engines engines;
  if (options.engine == "interp") {
    engines.interpreter = std::make_unique<Interpreter>(compiled.module);
    return engines;
  }
  engines.jit = unwrap(JIT::create({.math = options.math}));
  if (auto error = engines.jit->add(compiled.module, fns, boxed))
    failLLVM(std::move(error));
  return engines;
}

std::vector<double> evaluateBatch(const Engines& engines, const Compiled& compiled, uint32_t fn,
                                  const std::vector<double>& inputs) {
  std::vector<double> outputs(inputs.size());
  if (engines.interpreter) {
    engines.interpreter->callBatch(fn, inputs.data(), outputs.data(), inputs.size());
    return outputs;
  }
  BatchEntry batch = unwrap(engines.jit->batchEntry(compiled.module.functions[fn].name));
  batch(inputs.data(), outputs.data(), static_cast<int64_t>(inputs.size()));
  return outputs;
}

std::vector<Outcome> evaluateBoxed(const Engines& engines, const Compiled& compiled, uint32_t fn,
                                   const std::vector<Scalar>& inputs, const BoundParams& params, rt::Arena& arena) {
  const ir::Function& function = compiled.module.functions[fn];
  BoxedEntry entry = engines.jit ? unwrap(engines.jit->boxedEntry(function.name)) : nullptr;
  std::vector<Outcome> outcomes;
  rt::Context ctx{&arena};
  std::vector<Scalar> args(1 + params.rest.size());
  std::copy(params.rest.begin(), params.rest.end(), args.begin() + 1);
  for (const Scalar& input : inputs) {
    args[0] = input;
    ctx.begin();
    Outcome outcome;
    if (entry)
      entry(&ctx, args.data(), &outcome.value);
    else
      outcome.value = engines.interpreter->call(fn, args, ctx);
    outcome.error = ctx.errorKind();
    outcomes.push_back(outcome);
  }
  return outcomes;
}

// Inputs from the command line (as typed) followed by grid points.
struct Inputs {
  std::vector<double> values;
  std::vector<std::string> texts; // as typed
};

// Typed inputs stay text until each function parses them for its first
// parameter; numbers are parsed here too when a batch needs them.
Inputs collectInputs(const std::vector<std::string>& typed, const Options& options, bool anyBoxed) {
  Inputs inputs;
  for (const std::string& text : typed) {
    auto x = parseNumber(text);
    if (!x && !anyBoxed)
      throw UsageError("input '" + text + "' is not a number");
    inputs.values.push_back(x.value_or(std::nan("")));
    inputs.texts.push_back(text);
  }
  inputs.values.insert(inputs.values.end(), options.gridInputs.begin(), options.gridInputs.end());
  inputs.texts.insert(inputs.texts.end(), options.gridTexts.begin(), options.gridTexts.end());
  return inputs;
}

void requireIntegralInputs(const Inputs& inputs, const ir::Function& fn) {
  for (size_t i = 0; i < inputs.values.size(); ++i)
    if (std::isnan(inputs.values[i]) && !parseNumber(inputs.texts[i]))
      throw UsageError("input '" + inputs.texts[i] + "' is not a number");
  if (fn.params[0].type != Type::Int)
    return;
  for (size_t i = 0; i < inputs.values.size(); ++i)
    if (inputs.values[i] != std::floor(inputs.values[i]) || !std::isfinite(inputs.values[i]))
      throw UsageError("'" + fn.name + "' takes an int; input '" + inputs.texts[i] + "' is not an integer");
}

Scalar asResult(double y, Type type) {
  switch (type) {
  case Type::Int: return Scalar::ofInt(rt::realToInt(y)); // 2^63 comes back as INT64_MAX
  case Type::Bool: return Scalar::ofBool(y != 0.0);
  default: return Scalar::ofReal(y);
  }
}

// A JSON value: non-finite reals are null.
std::string jsonScalar(const Scalar& value) {
  switch (value.type) {
  case Type::Bool: return value.b ? "true" : "false";
  case Type::Int: return std::to_string(value.i);
  default: return std::isfinite(value.r) ? formatG17(value.r) : "null";
  }
}

std::string formatOutput(double y, Type type, bool json) {
  Scalar value = asResult(y, type);
  if (json)
    return jsonScalar(value);
  switch (type) {
  case Type::Int: return std::to_string(value.i);
  case Type::Bool: return value.b ? "True" : "False";
  default: return formatG17(y);
  }
}

std::string jsonString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
      continue;
    }
    out += c;
  }
  return out + "\"";
}

int runCheck(const Options& options) {
  if (options.positional.empty())
    throw UsageError("check needs at least one FILE");
  int status = kExitOk;
  for (const std::string& path : options.positional)
    if (!compileFile(path))
      status = kExitCompileError;
  return status;
}

// What a bench's outputs are with its effects: FIND's np.where with normal
// noise, and uniform or normal noise, make ints real; poisson noise keeps them.
Type benchResultType(const ir::Bench& bench, Type clean) {
  bool staysInt = bench.effects.corruption.region == rt::CorruptRegion::None &&
                  (bench.effects.noise.kind == rt::NoiseKind::None || bench.effects.noise.kind == rt::NoiseKind::Poisson);
  return clean == Type::Int && staysInt ? Type::Int : Type::Real;
}

// What eval and call share: compile FILE, evaluate --fn at the inputs.
struct Evaluation {
  std::string function;
  Type resultType = Type::Real;
  bool boxed = false;            // evaluated one call per input (outcomes)
  std::vector<double> outputs;   // the batch path
  std::vector<Outcome> outcomes; // the boxed path
  std::vector<Scalar> inputs;    // the boxed path: the inputs as values

  size_t size() const { return boxed ? outcomes.size() : outputs.size(); }
  bool failed(size_t i) const { return boxed && outcomes[i].error != rt::ErrorKind::None; }
  // The value of output i (meaningless if it failed).
  Scalar value(size_t i) const { return boxed ? outcomes[i].value : asResult(outputs[i], resultType); }
};

struct Evaluations {
  Inputs inputs;
  std::vector<Evaluation> functions; // one per --fn, in order
  std::unique_ptr<rt::Arena> arena;  // strings of inputs, params and outputs
  // The compiled module and the engines own the constants that outputs may
  // point to: they live as long as the results.
  std::unique_ptr<Compiled> compiled;
  Engines engines;
};

// A numeric bench whose body needs the boxed path (it uses strings or
// statements): its noise and corruption, on the outputs that did not fail.
void applyBoxedEffects(const ir::Bench& bench, Evaluation& result, const Options& options) {
  std::vector<double> xs, ys;
  for (size_t k = 0; k < result.outcomes.size(); ++k) {
    xs.push_back(result.inputs[k].asDouble());
    ys.push_back(result.outcomes[k].value.asDouble());
  }
  rt::applyEffects(bench.effects, rt::benchKey(options.seed, result.function), options.firstQuery, xs.data(),
                   ys.data(), xs.size());
  result.resultType = benchResultType(bench, result.resultType);
  for (size_t k = 0; k < ys.size(); ++k)
    if (result.outcomes[k].error == rt::ErrorKind::None)
      result.outcomes[k].value = asResult(ys[k], result.resultType);
}

// Compiles FILE (or the stdlib) once and evaluates every --fn at the same
// inputs.
std::optional<Evaluations> evaluateCommand(const Options& options, const char* command, bool needInputs) {
  if (options.positional.empty() && !options.stdlib)
    throw UsageError(std::string(command) + " needs a FILE (or --stdlib)");
  if (options.functions.empty())
    throw UsageError("--fn NAME is required");
  if (options.params && options.functions.size() > 1)
    throw UsageError("--params applies to one --fn");
  // Both engines run each entry's own specialized form (inlined, folded), so
  // optimizing every function of a large suite first would be wasted.
  auto compiledOrNot = options.stdlib ? compileStdlib() : compileFile(options.positional[0], /*optimize=*/false);
  if (!compiledOrNot)
    return std::nullopt;
  Evaluations results;
  results.compiled = std::make_unique<Compiled>(std::move(*compiledOrNot));
  const Compiled* compiled = results.compiled.get();
  const ir::Module& module = compiled->module;
  results.arena = std::make_unique<rt::Arena>();
  std::vector<uint32_t> fns, boxed;
  std::vector<const ir::Bench*> benches; // per function, null if not a bench
  for (const std::string& name : options.functions) {
    uint32_t fn = requireFunction(module, name, options.stdlib);
    const ir::Function& function = module.functions[fn];
    const ir::Bench* bench = module.benchFor(fn);
    if (bench && bench->approx && !bench->approx->trained) {
      DiagnosticEngine diags;
      diags.error(*compiled->file, {bench->approx->line, bench->approx->column},
                  "'" + function.name + "' is declared `approx mlp` but has no weights yet; run `findc suite train " +
                      options.positional[0] + "`",
                  6);
      diags.print(std::cerr);
      return std::nullopt;
    }
    if (function.params.empty())
      throw UsageError("'" + name + "' takes no parameters: there is nothing to bind an input to");
    fns.push_back(fn);
    benches.push_back(bench);
    Evaluation evaluation;
    evaluation.function = function.name;
    evaluation.resultType = function.resultType;
    evaluation.boxed = !function.hasUnaryEntry() || options.params;
    if (evaluation.boxed)
      boxed.push_back(fn);
    results.functions.push_back(std::move(evaluation));
  }
  std::vector<std::string> typed(options.positional.begin() + (options.stdlib ? 0 : 1), options.positional.end());
  results.inputs = collectInputs(typed, options, !boxed.empty());
  if (needInputs && results.inputs.texts.empty())
    throw UsageError("no inputs: give X values, --grid A:B:N or --find-grid");
  results.engines = makeEngines(*compiled, fns, boxed, options);
  const Engines& engines = results.engines;
  const std::vector<double>& xs = results.inputs.values;
  for (size_t i = 0; i < fns.size(); ++i) {
    Evaluation& result = results.functions[i];
    const ir::Function& function = module.functions[fns[i]];
    if (result.boxed) {
      BoundParams params = bindParams(function, options, *results.arena);
      for (const std::string& text : results.inputs.texts)
        result.inputs.push_back(parseInput(text, function.params[0], function.name, *results.arena));
      result.outcomes = evaluateBoxed(engines, *compiled, fns[i], result.inputs, params, *results.arena);
      if (const ir::Bench* bench = benches[i]; bench && !options.clean && isNumeric(function.params[0].type))
        applyBoxedEffects(*bench, result, options);
      continue;
    }
    requireIntegralInputs(results.inputs, function);
    result.outputs = evaluateBatch(engines, *compiled, fns[i], xs);
    if (const ir::Bench* bench = benches[i]; bench && !options.clean) {
      rt::applyEffects(bench->effects, rt::benchKey(options.seed, result.function), options.firstQuery, xs.data(),
                       result.outputs.data(), xs.size());
      result.resultType = benchResultType(*bench, result.resultType);
    }
  }
  return results;
}

// Output i as eval prints it: plain text or JSON.
std::string formatResult(const Evaluation& e, size_t i, bool json) {
  if (e.failed(i))
    return json ? "null" : "None";
  if (!e.boxed)
    return formatOutput(e.outputs[i], e.resultType, json);
  const Scalar& value = e.outcomes[i].value;
  if (value.type == Type::Real)
    return json ? jsonScalar(value) : formatG17(value.r);
  return json ? formatJson(value) : formatPython(value);
}

int runEval(const Options& options) {
  if (options.functions.size() > 1 && !options.json)
    throw UsageError("several --fn need --json (one JSON object per line)");
  auto evaluations = evaluateCommand(options, "eval", /*needInputs=*/true);
  if (!evaluations)
    return kExitCompileError;
  std::string numericInputs; // the same for every numeric function
  for (size_t i = 0; options.json && i < evaluations->inputs.values.size(); ++i)
    numericInputs += (i ? ", " : "") + jsonScalar(Scalar::ofReal(evaluations->inputs.values[i]));
  for (const Evaluation& e : evaluations->functions) {
    if (!options.json) {
      for (size_t i = 0; i < e.size(); ++i)
        fmt::print("{}\n", formatResult(e, i, false));
      continue;
    }
    std::string inputList = e.boxed ? "" : numericInputs;
    for (size_t i = 0; e.boxed && i < e.inputs.size(); ++i) // numbers as the batch path prints them
      inputList += (i ? ", " : "") + (isNumeric(e.inputs[i].type) ? jsonScalar(e.inputs[i]) : formatJson(e.inputs[i]));
    std::string outputList, errorList;
    bool anyError = false;
    for (size_t i = 0; i < e.size(); ++i) {
      outputList += (i ? ", " : "") + formatResult(e, i, true);
      anyError |= e.failed(i);
      errorList += (i ? ", " : "") +
                   (e.failed(i) ? jsonString(std::string(rt::errorName(e.outcomes[i].error))) : std::string("null"));
    }
    fmt::print("{{\"fn\": {}, \"inputs\": [{}], \"outputs\": [{}]{}}}\n", jsonString(e.function), inputList,
               outputList, anyError ? ", \"errors\": [" + errorList + "]" : "");
  }
  return kExitOk;
}

// FIND's function_code.py prints nothing but this line, even without inputs.
int runCall(const Options& options) {
  if (options.functions.size() > 1)
    throw UsageError("call takes one --fn");
  auto evaluations = evaluateCommand(options, "call", /*needInputs=*/false);
  if (!evaluations)
    return kExitCompileError;
  const Evaluation& e = evaluations->functions.front();
  const std::vector<std::string>& texts = evaluations->inputs.texts;
  std::string line = "Function input - output pairs: ";
  // An undefined value (NaN) is FIND's harness catching an exception: None.
  for (size_t i = 0; i < texts.size(); ++i) {
    Scalar value = e.value(i);
    bool undefined = e.failed(i) || (value.type == Type::Real && std::isnan(value.r));
    line += "(" + texts[i] + ", " + (undefined ? "None" : formatPython(value)) + ") ";
  }
  fmt::print("{}\n", line);
  return kExitOk;
}

int runEmit(const Options& options) {
  if (options.positional.size() != 1)
    throw UsageError("emit needs exactly one FILE");
  if (options.emitKind.empty())
    throw UsageError("emit needs one of --ir, --llvm or --asm");
  bool optimizeIR = !(options.noOpt && options.emitKind == "--ir");
  auto compiled = compileFile(options.positional[0], optimizeIR);
  if (!compiled)
    return kExitCompileError;
  const ir::Module& module = compiled->module;
  std::vector<uint32_t> roots;
  if (!options.function.empty()) {
    auto index = module.find(options.function);
    if (!index)
      throw UsageError("no function named '" + options.function + "'");
    roots.push_back(*index);
  }
  if (options.emitKind == "--ir") {
    if (roots.empty()) {
      fmt::print("{}", ir::print(module));
    } else {
      std::vector<uint32_t> order = module.callOrder(roots);
      for (size_t i = 0; i < order.size(); ++i)
        fmt::print("{}{}", i ? "\n" : "", ir::print(module, module.functions[order[i]]));
    }
    return kExitOk;
  }
  auto target = unwrap(createHostTargetMachine());
  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> llvmModule = emitLLVM(module, context, *target, roots, options.math);
  if (!options.noOpt)
    optimizeModule(*llvmModule, *target, options.math);
  if (options.emitKind == "--llvm")
    fmt::print("{}", printModule(*llvmModule));
  else
    fmt::print("{}", unwrap(emitAssembly(*llvmModule, *target)));
  return kExitOk;
}

std::string signature(const ir::Function& fn) {
  std::string text = fn.name + "(";
  for (size_t i = 0; i < fn.params.size(); ++i) {
    const ir::Param& p = fn.params[i];
    text += (i ? ", " : "") + p.name + ": " + std::string(typeName(p.type));
    if (p.defaultValue)
      text += " = " + formatPython(*p.defaultValue);
  }
  return text + ") -> " + std::string(typeName(fn.resultType));
}

std::string jsonReal(double x) { return jsonScalar(Scalar::ofReal(x)); }

// The suite metadata of a bench, as JSON members (leading ", ").
std::string benchJson(const ir::Bench& bench) {
  std::string domain = bench.domain ? fmt::format("[{}, {}]", jsonReal(bench.domain->first), jsonReal(bench.domain->second))
                                    : "null";
  std::string noise = "null";
  if (const rt::NoiseSpec& n = bench.effects.noise; n.kind != rt::NoiseKind::None) {
    const char* kind = n.kind == rt::NoiseKind::Normal ? "normal" : n.kind == rt::NoiseKind::Uniform ? "uniform" : "poisson";
    noise = fmt::format("{{\"kind\": \"{}\", \"scale\": {}}}", kind, jsonReal(n.scale));
  }
  std::string corruption = "null";
  if (const rt::CorruptionSpec& c = bench.effects.corruption; c.region != rt::CorruptRegion::None) {
    bool inside = c.region == rt::CorruptRegion::Inside;
    const char* kind = inside ? "inside" : c.region == rt::CorruptRegion::Below ? "below" : "above";
    std::string bounds = inside ? fmt::format("[{}, {}]", jsonReal(c.a), jsonReal(c.b)) : fmt::format("[{}]", jsonReal(c.a));
    corruption = fmt::format("{{\"kind\": \"{}\", \"bounds\": {}, \"mean\": {}, \"scale\": {}}}", kind, bounds,
                             jsonReal(c.mean), jsonReal(c.scale));
  }
  std::string approx = "null";
  if (bench.approx)
    approx = fmt::format("{{\"kind\": \"mlp\", \"hidden\": {}, \"trained\": {}, \"mse\": {}}}", bench.approx->hidden,
                         bench.approx->trained ? "true" : "false",
                         bench.approx->mse ? jsonReal(*bench.approx->mse) : "null");
  return fmt::format(", \"bench\": true, \"category\": {}, \"domain\": {}, \"outside_domain\": \"{}\", "
                     "\"noise\": {}, \"corruption\": {}, \"approx\": {}",
                     jsonString(bench.category), domain, bench.domain && !bench.extrapolate ? "nan" : "extrapolate",
                     noise, corruption, approx);
}

// Functions a file declares: not the stdlib functions it calls or the
// targets of approximations, which the IR holds under dotted names.
bool declaredInFile(const ir::Function& fn) { return fn.name.find('.') == std::string::npos; }

int runList(const Options& options) {
  if (options.positional.size() != 1)
    throw UsageError("list needs exactly one FILE");
  auto compiled = compileFile(options.positional[0], /*optimize=*/false);
  if (!compiled)
    return kExitCompileError;
  const ir::Module& module = compiled->module;
  const auto& functions = module.functions;
  if (!options.json) {
    for (const ir::Function& fn : functions) {
      if (!declaredInFile(fn))
        continue;
      std::string firstLine = fn.doc.substr(0, fn.doc.find('\n'));
      fmt::print("{}{}{}\n", signature(fn), firstLine.empty() ? "" : "  ## ", firstLine);
    }
    return kExitOk;
  }
  std::string out = "{\"functions\": [";
  bool first = true;
  for (size_t f = 0; f < functions.size(); ++f) {
    const ir::Function& fn = functions[f];
    if (!declaredInFile(fn))
      continue;
    const ir::Bench* bench = module.benchFor(static_cast<uint32_t>(f));
    std::string params;
    for (size_t i = 0; i < fn.params.size(); ++i) {
      const ir::Param& p = fn.params[i];
      std::string defaultValue = p.defaultValue ? ", \"default\": " + jsonScalar(*p.defaultValue) : "";
      params += fmt::format("{}{{\"name\": {}, \"type\": \"{}\"{}}}", i ? ", " : "", jsonString(p.name),
                            typeName(p.type), defaultValue);
    }
    out += fmt::format("{}{{\"name\": {}, \"params\": [{}], \"result\": \"{}\", \"unary\": {}, "
                       "\"description\": {}{}}}",
                       first ? "" : ", ", jsonString(fn.name), params, typeName(fn.resultType),
                       fn.hasUnaryEntry() ? "true" : "false", jsonString(fn.doc), bench ? benchJson(*bench) : "");
    first = false;
  }
  fmt::print("{}]}}\n", out);
  return kExitOk;
}

struct Command {
  const char* help;
  std::function<int(const Options&)> run;
  std::vector<std::string_view> options; // the options it accepts besides --help
};

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    fmt::print("{}", kMainHelp);
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version") {
    fmt::print("findc 0.1 (LLVM 19)\n");
    return kExitOk;
  }
  if (args[0] == "suite")
    return runSuite({args.begin() + 1, args.end()});
  const std::map<std::string, Command> commands = {
      {"check", {kCheckHelp, runCheck, {}}},
      {"eval", {kEvalHelp, runEval,
                {"--fn", "--engine", "--math", "--grid", "--find-grid", "--json", "--clean", "--seed", "--first-query",
                 "--params", "--stdlib"}}},
      {"call", {kCallHelp, runCall,
                {"--fn", "--engine", "--math", "--clean", "--seed", "--first-query", "--params", "--stdlib"}}},
      {"emit", {kEmitHelp, runEmit, {"--fn", "--ir", "--llvm", "--asm", "--no-opt", "--math"}}},
      {"list", {kListHelp, runList, {"--json"}}},
  };
  auto command = commands.find(args[0]);
  if (command == commands.end())
    throw UsageError("unknown command '" + args[0] + "'; run `findc --help`");
  Options options = parseOptions({args.begin() + 1, args.end()});
  for (const std::string& seen : options.seen)
    if (std::find(command->second.options.begin(), command->second.options.end(), seen) ==
        command->second.options.end())
      throw UsageError("'" + args[0] + "' does not take " + seen);
  if (options.help) {
    fmt::print("{}", command->second.help);
    return kExitOk;
  }
  return command->second.run(options);
}

} // namespace
} // namespace findc

int main(int argc, char** argv) {
  int status = findc::kExitCompileError;
  // Long expression chains recurse deeply through every stage; a large stack
  // (reserved, not committed) keeps any accepted input from overflowing it.
  constexpr unsigned kStackBytes = 512u << 20;
  llvm::thread worker(std::optional<unsigned>(kStackBytes), [&] {
    try {
      status = findc::run(argc, argv);
    } catch (const findc::UsageError& error) {
      std::cerr << "findc: error: " << error.what() << "\n";
      status = findc::kExitUsage;
    } catch (const std::exception& error) {
      std::cerr << "findc: error: " << error.what() << "\n";
      status = findc::kExitCompileError;
    }
  });
  worker.join();
  return status;
}
