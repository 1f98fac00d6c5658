// findc: the command-line driver. Compiles .fnd files and checks, evaluates,
// calls (in FIND's output format) or prints the compiled form of functions.

#include "compiler/codegen/Codegen.h"
#include "compiler/driver/Compiler.h"
#include "compiler/interp/Interpreter.h"
#include "compiler/jit/JIT.h"
#include "runtime/PrimOps.h"
#include "tools/findc/Suite.h"

#include <fmt/core.h>
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

Evaluates NAME at each input X and prints one output per line (%.17g, with
nan and inf). NAME must take one number; other parameters use their defaults.

options:
  --fn NAME             the function to evaluate (required; with --json it
                        may repeat: one JSON object per function and line)
  --engine jit|interp   native code (default) or the reference interpreter
  --math exact|vector   exact: glibc's scalar libm, bit-identical to the
                        interpreter (default); vector: libmvec SIMD math
  --grid A:B:N          also evaluate N evenly spaced points from A to B
  --find-grid           also evaluate FIND's test grid x = i + 0.5, i in [-128, 128)
  --json                print {"fn": ..., "inputs": [...], "outputs": [...]},
                        non-finite outputs as null

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
Undefined outputs (NaN) print as None. Options: --engine, --math, and for
benchmark functions --clean, --seed N and --first-query K, as for eval.
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
  auto file = SourceFile::read(path);
  if (!file) {
    diags.error("cannot read '" + path + "'");
    diags.print(std::cerr);
    return std::nullopt;
  }
  auto module = compileToIR(*file, diags, {.optimize = optimize});
  diags.print(std::cerr);
  if (!module)
    return std::nullopt;
  return Compiled{std::move(file), std::move(*module)};
}

uint32_t requireUnaryFunction(const ir::Module& module, const std::string& name) {
  if (name.empty())
    throw UsageError("--fn NAME is required");
  auto index = module.find(name);
  if (!index)
    throw UsageError("no function named '" + name + "'");
  const ir::Function& fn = module.functions[*index];
  if (!fn.hasUnaryEntry())
    throw UsageError("'" + name + "' cannot be called with one number: its first parameter must be int or real "
                     "and the others need defaults");
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

// Evaluates each of `fns` at `inputs` with the chosen engine (one JIT for all).
std::vector<std::vector<double>> evaluate(const Compiled& compiled, const std::vector<uint32_t>& fns,
                                          const std::vector<double>& inputs, const Options& options) {
  std::vector<std::vector<double>> outputs(fns.size(), std::vector<double>(inputs.size()));
  if (options.engine == "interp") {
    Interpreter interpreter(compiled.module);
    for (size_t i = 0; i < fns.size(); ++i)
      interpreter.callBatch(fns[i], inputs.data(), outputs[i].data(), inputs.size());
    return outputs;
  }
  auto jit = unwrap(JIT::create({.math = options.math}));
  if (auto error = jit->add(compiled.module, fns))
    failLLVM(std::move(error));
  for (size_t i = 0; i < fns.size(); ++i) {
    BatchEntry batch = unwrap(jit->batchEntry(compiled.module.functions[fns[i]].name));
    batch(inputs.data(), outputs[i].data(), static_cast<int64_t>(inputs.size()));
  }
  return outputs;
}

// Inputs from the command line (as typed) followed by grid points.
struct Inputs {
  std::vector<double> values;
  std::vector<std::string> texts; // as typed
};

Inputs collectInputs(const Options& options) {
  Inputs inputs;
  for (size_t i = 1; i < options.positional.size(); ++i) {
    const std::string& text = options.positional[i];
    auto x = parseNumber(text);
    if (!x)
      throw UsageError("input '" + text + "' is not a number");
    inputs.values.push_back(*x);
    inputs.texts.push_back(text);
  }
  inputs.values.insert(inputs.values.end(), options.gridInputs.begin(), options.gridInputs.end());
  inputs.texts.insert(inputs.texts.end(), options.gridTexts.begin(), options.gridTexts.end());
  return inputs;
}

void requireIntegralInputs(const Inputs& inputs, const ir::Function& fn) {
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
  std::vector<double> outputs;
};

struct Evaluations {
  Inputs inputs;
  std::vector<Evaluation> functions; // one per --fn, in order
};

// Compiles FILE once and evaluates every --fn at the same inputs.
std::optional<Evaluations> evaluateCommand(const Options& options, const char* command, bool needInputs) {
  if (options.positional.empty())
    throw UsageError(std::string(command) + " needs a FILE");
  if (options.functions.empty())
    throw UsageError("--fn NAME is required");
  // Both engines run each entry's own specialized form (inlined, folded), so
  // optimizing every function of a large suite first would be wasted.
  auto compiled = compileFile(options.positional[0], /*optimize=*/false);
  if (!compiled)
    return std::nullopt;
  const ir::Module& module = compiled->module;
  Evaluations results;
  std::vector<uint32_t> fns;
  std::vector<const ir::Bench*> benches; // per function, null if not a bench
  for (const std::string& name : options.functions) {
    uint32_t fn = requireUnaryFunction(module, name);
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
    fns.push_back(fn);
    benches.push_back(bench);
    results.functions.push_back({function.name, function.resultType, {}});
  }
  results.inputs = collectInputs(options);
  for (uint32_t fn : fns)
    requireIntegralInputs(results.inputs, module.functions[fn]);
  if (needInputs && results.inputs.values.empty())
    throw UsageError("no inputs: give X values, --grid A:B:N or --find-grid");
  const std::vector<double>& xs = results.inputs.values;
  std::vector<std::vector<double>> outputs = evaluate(*compiled, fns, xs, options);
  for (size_t i = 0; i < fns.size(); ++i) {
    Evaluation& result = results.functions[i];
    result.outputs = std::move(outputs[i]);
    if (const ir::Bench* bench = benches[i]; bench && !options.clean) {
      rt::applyEffects(bench->effects, rt::benchKey(options.seed, result.function), options.firstQuery, xs.data(),
                       result.outputs.data(), xs.size());
      result.resultType = benchResultType(*bench, result.resultType);
    }
  }
  return results;
}

int runEval(const Options& options) {
  if (options.functions.size() > 1 && !options.json)
    throw UsageError("several --fn need --json (one JSON object per line)");
  auto evaluations = evaluateCommand(options, "eval", /*needInputs=*/true);
  if (!evaluations)
    return kExitCompileError;
  std::string inputList; // the same for every function
  for (size_t i = 0; options.json && i < evaluations->inputs.values.size(); ++i)
    inputList += (i ? ", " : "") + jsonScalar(Scalar::ofReal(evaluations->inputs.values[i]));
  for (const Evaluation& e : evaluations->functions) {
    if (!options.json) {
      for (double y : e.outputs)
        fmt::print("{}\n", formatOutput(y, e.resultType, false));
      continue;
    }
    std::string outputList;
    for (size_t i = 0; i < e.outputs.size(); ++i)
      outputList += (i ? ", " : "") + formatOutput(e.outputs[i], e.resultType, true);
    fmt::print("{{\"fn\": {}, \"inputs\": [{}], \"outputs\": [{}]}}\n", jsonString(e.function), inputList,
               outputList);
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
  for (size_t i = 0; i < texts.size(); ++i)
    line += "(" + texts[i] + ", " +
            (std::isnan(e.outputs[i]) ? "None" : formatPython(asResult(e.outputs[i], e.resultType))) + ") ";
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
                {"--fn", "--engine", "--math", "--grid", "--find-grid", "--json", "--clean", "--seed", "--first-query"}}},
      {"call", {kCallHelp, runCall, {"--fn", "--engine", "--math", "--clean", "--seed", "--first-query"}}},
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
