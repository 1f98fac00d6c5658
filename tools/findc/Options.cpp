#include "tools/findc/Cli.h"

#include "runtime/Value.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace findc {
namespace {

// numpy.linspace(a, b, n).
void addGrid(engine::TextInputs& grid, const std::string& spec) {
  size_t first = spec.find(':');
  size_t second = first == std::string::npos ? first : spec.find(':', first + 1);
  if (second == std::string::npos)
    throw UsageError("--grid expects A:B:N, got '" + spec + "'");
  auto a = engine::parseNumber(spec.substr(0, first));
  auto b = engine::parseNumber(spec.substr(first + 1, second - first - 1));
  auto n = engine::parseNumber(spec.substr(second + 1));
  if (!a || !b || !n || *n < 1 || *n != std::floor(*n) || *n > 1e8)
    throw UsageError("--grid expects A:B:N with numbers A, B and a count N >= 1, got '" + spec + "'");
  auto count = static_cast<size_t>(*n);
  double step = count > 1 ? (*b - *a) / static_cast<double>(count - 1) : 0.0;
  for (size_t i = 0; i < count; ++i) {
    double x = i + 1 == count && count > 1 ? *b : *a + static_cast<double>(i) * step;
    grid.add(x, formatG17(x));
  }
}

// --stage names, and the older spellings kept as aliases.
const std::string kStages[] = {"ast", "ir", "ir-opt", "entry", "llvm", "llvm-opt", "asm", "python", "py-ast"};

void setStage(Options& options, std::string stage, const std::string& spelling, std::string& firstSpelling) {
  if (!options.stage.empty() && options.stage != stage)
    throw UsageError("emit prints one stage, but " + firstSpelling + " and " + spelling + " name two");
  options.stage = std::move(stage);
  firstSpelling = spelling;
}

} // namespace

Options parseOptions(const std::vector<std::string>& args) {
  Options options;
  options.literalInputs = SIZE_MAX;
  std::string stageSpelling; // how the stage was first chosen, for messages
  auto value = [&](size_t& i) -> const std::string& {
    if (i + 1 >= args.size())
      throw UsageError("option " + args[i] + " needs a value");
    return args[++i];
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") { // the rest are inputs, even if they start with '-'
      options.literalInputs = options.positional.size();
      options.positional.insert(options.positional.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                args.end());
      break;
    }
    if (arg.starts_with("--") && arg != "--help")
      options.seen.insert(arg);
    if (arg == "--help" || arg == "-h") options.help = true;
    else if (arg == "--fn") options.functions.push_back(value(i));
    else if (arg == "--engine") {
      const std::string& engine = value(i);
      if (engine == "jit") options.load.engine = Engine::Jit;
      else if (engine == "interp") options.load.engine = Engine::Interpreter;
      else throw UsageError("--engine must be jit or interp, got '" + engine + "'");
    } else if (arg == "--math") {
      const std::string& mode = value(i);
      std::optional<MathMode> math = parseMathMode(mode);
      if (!math) throw UsageError("--math must be " + mathModeChoices() + ", got '" + mode + "'");
      options.load.math = *math;
    } else if (arg == "--lang") {
      const std::string& lang = value(i);
      if (lang == "py") options.load.source.language = Language::Python;
      else if (lang == "fnd") options.load.source.language = Language::Fnd;
      else throw UsageError("--lang must be py or fnd, got '" + lang + "'");
    } else if (arg == "--input") {
      const std::string& input = value(i);
      if (input == "real") options.load.source.input = SourceOptions::Input::Real;
      else if (input == "str") options.load.source.input = SourceOptions::Input::Str;
      else throw UsageError("--input must be real or str, got '" + input + "'");
    } else if (arg == "--grid") addGrid(options.grid, value(i));
    else if (arg == "--find-grid") {
      for (double x : engine::findGrid(128))
        options.grid.add(x, formatG17(x));
    } else if (arg == "--json") options.json = true;
    else if (arg == "--clean") options.effects.apply = false;
    else if (arg == "--seed") options.effects.seed = parseCount(arg, value(i));
    else if (arg == "--first-query") options.effects.firstQuery = parseCount(arg, value(i));
    else if (arg == "--no-opt") options.noOpt = true;
    else if (arg == "--params") options.params = value(i);
    else if (arg == "--stdlib") options.stdlib = true;
    else if (arg == "--stage") {
      const std::string& stage = value(i);
      if (std::find(std::begin(kStages), std::end(kStages), stage) == std::end(kStages))
        throw UsageError("--stage must be one of ast, ir, ir-opt, entry, llvm, llvm-opt, asm, python, py-ast; got '" + stage +
                         "'");
      setStage(options, stage, "--stage " + stage, stageSpelling);
    } else if (arg == "--ir") setStage(options, "ir-opt", arg, stageSpelling);
    else if (arg == "--llvm") setStage(options, "llvm-opt", arg, stageSpelling);
    else if (arg == "--asm") setStage(options, "asm", arg, stageSpelling);
    else if (arg == "--python") setStage(options, "python", arg, stageSpelling);
    else if (arg == "--out-dir") options.outDir = value(i);
    else if (arg == "--source") options.source = value(i);
    else if (arg.size() > 1 && arg[0] == '-' && !engine::parseNumber(arg)) {
      throw UsageError("unknown option '" + arg + "'");
    } else {
      options.positional.push_back(arg);
    }
  }
  options.literalInputs = std::min(options.literalInputs, options.positional.size());
  // --no-opt with the older spellings: the stage before optimization.
  if (options.noOpt && options.stage == "ir-opt" && !options.seen.count("--stage"))
    options.stage = "ir";
  if (options.noOpt && options.stage == "llvm-opt" && !options.seen.count("--stage"))
    options.stage = "llvm";
  return options;
}

} // namespace findc
