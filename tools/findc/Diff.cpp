// `findc diff A B`: are two functions (any mix of .fnd and .py) the same
// function? (docs/diff.md)
#include "engine/Compile.h"
#include "score/Diff.h"
#include "tools/findc/Load.h"
#include "tools/findc/Suite.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include <iostream>

namespace findc {
namespace {

const char* const kDiffHelp = R"(usage: findc diff A B [options]

Compares two functions, each a .fnd file (with --fn) or a Python hypothesis
(.py: FIND's rule picks the function), and exits 0 when they are
equivalent within the tolerance, 1 when they differ, 2 when they cannot be
compared (docs/diff.md).

Functions of a number: a dense grid over the domain plus seeded random
points and boundary points; prints the largest absolute and relative
errors, the disagreement intervals and the worst points. Functions of a
str: generated inputs; prints counterexamples, each shrunk to a minimal one.

  --fn NAME            the function of a .fnd operand; given twice, the
                       first is A's and the second B's
  --domain A:B         the numeric domain (default -128:128)
  --points N           numeric points (default 1000000)
  --rtol R, --atol A   values agree when |a - b| <= A + R * max(|a|, |b|)
                       (default rtol 1e-9, atol 0); NaN agrees with NaN, an
                       error with the same error
  --served             benches with their noise and corruption (under
                       --seed); default: without
  --seed S             random points, generated strings, effects (default 0)
  --input real|str     what a .py operand takes when neither is a .fnd
                       function (default real)
  --inputs N           generated strings at most (default 20000)
  --test-inputs FILE   str inputs to try first and to mutate: every input of
                       a FIND unit_test_data.json (findc unittests writes
                       one), or a JSON array of strings
  --counterexamples K  minimal counterexamples to report (default 3)
  --engine jit|interp  (default jit)
  --json               one JSON object
)";

struct DiffCli {
  std::vector<std::string> operands;
  std::vector<std::string> functions;
  score::DiffOptions diff;
  Engine engine = Engine::Jit;
  SourceOptions::Input input = SourceOptions::Input::Real;
  bool json = false;
};

// Every input of a FIND unit_test_data.json, or the strings of a JSON array,
// in order, without repeats.
std::vector<std::string> readTestInputs(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw UsageError("--test-inputs: cannot read '" + path + "'");
  nlohmann::json json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  std::vector<std::string> inputs;
  auto add = [&](const nlohmann::json& value) {
    if (!value.is_string())
      throw UsageError("--test-inputs: '" + path + "' holds an input that is not a string: " + value.dump());
    if (std::find(inputs.begin(), inputs.end(), value.get<std::string>()) == inputs.end())
      inputs.push_back(value.get<std::string>());
  };
  if (!json.is_array())
    throw UsageError("--test-inputs: '" + path + "' is not a JSON array (FIND's unit_test_data.json or strings)");
  for (const nlohmann::json& entry : json) {
    if (!entry.is_object()) {
      add(entry);
      continue;
    }
    // FIND's layout: {"name", "test_vec": [[[input, output], ...], ...], "correct_inx"}
    for (const nlohmann::json& vector : entry.value("test_vec", nlohmann::json::array()))
      for (const nlohmann::json& pair : vector)
        if (pair.is_array() && !pair.empty())
          add(pair[0]);
  }
  if (inputs.empty())
    throw UsageError("--test-inputs: '" + path + "' holds no inputs");
  return inputs;
}

DiffCli parseDiff(const std::vector<std::string>& args) {
  DiffCli cli;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!arg.starts_with("--")) {
      cli.operands.push_back(arg);
      continue;
    }
    if (arg == "--served" || arg == "--json") {
      (arg == "--json" ? cli.json : cli.diff.served) = true;
      continue;
    }
    static const char* const kValued[] = {"--fn",    "--domain", "--points", "--rtol",   "--atol",           "--seed",
                                          "--input", "--inputs", "--engine", "--counterexamples", "--test-inputs"};
    if (std::find(std::begin(kValued), std::end(kValued), arg) == std::end(kValued))
      throw UsageError("'diff' does not take " + arg);
    if (i + 1 >= args.size())
      throw UsageError("option " + arg + " needs a value");
    const std::string& value = args[++i];
    if (arg == "--fn") {
      cli.functions.push_back(value);
    } else if (arg == "--domain") {
      std::tie(cli.diff.lo, cli.diff.hi) = parseInterval(arg, value);
    } else if (arg == "--points") {
      cli.diff.points = parseCount(arg, value);
      if (cli.diff.points < 2 || cli.diff.points > 100'000'000)
        throw UsageError("--points expects 2 to 100000000, got '" + value + "'");
    } else if (arg == "--rtol" || arg == "--atol") {
      double tolerance = parseReal(arg, value);
      if (tolerance < 0)
        throw UsageError(arg + " expects a number >= 0, got '" + value + "'");
      (arg == "--rtol" ? cli.diff.rtol : cli.diff.atol) = tolerance;
    } else if (arg == "--seed") {
      cli.diff.seed = parseCount(arg, value);
    } else if (arg == "--input") {
      if (value != "real" && value != "str")
        throw UsageError("--input expects real or str, got '" + value + "'");
      cli.input = value == "str" ? SourceOptions::Input::Str : SourceOptions::Input::Real;
    } else if (arg == "--inputs") {
      cli.diff.stringInputs = std::min<uint64_t>(parseCount(arg, value), 10'000'000);
    } else if (arg == "--test-inputs") {
      cli.diff.testInputs = readTestInputs(value);
    } else if (arg == "--counterexamples") {
      cli.diff.counterexamples = std::min<uint64_t>(parseCount(arg, value), 100);
    } else if (arg == "--engine") {
      if (value != "jit" && value != "interp")
        throw UsageError("--engine expects jit or interp, got '" + value + "'");
      cli.engine = value == "jit" ? Engine::Jit : Engine::Interpreter;
    }
  }
  return cli;
}

bool isPython(const std::string& path) { return path.ends_with(".py"); }

// Compiles one operand; null after printing its diagnostics.
std::optional<score::DiffOperand> loadOperand(const std::string& path, const std::string& function, Engine engine,
                                              SourceOptions::Input input) {
  std::shared_ptr<const engine::Suite> suite =
      compileFile(path, {.load = {.engine = engine, .source = {.input = input}}});
  if (!suite)
    return std::nullopt;
  if (suite->visible().empty())
    throw UsageError("'" + path + "' defines no function");
  uint32_t fn = 0;
  if (isPython(path))
    fn = suite->visible().front();
  else if (!function.empty())
    fn = suite->resolve(function);
  else if (suite->visible().size() == 1)
    fn = suite->visible().front();
  else
    throw UsageError("'" + path + "' has " + std::to_string(suite->visible().size()) +
                     " functions: name one with --fn");
  const ir::Function& f = suite->function(fn);
  if (f.params.empty())
    throw UsageError("'" + f.name + "' takes no parameters: there is nothing to compare it at");
  return score::DiffOperand{suite, fn, path + ":" + f.name};
}

} // namespace

int runDiff(const std::vector<std::string>& args) {
  if (wantsHelp(args)) {
    fmt::print("{}", kDiffHelp);
    return kExitOk;
  }
  DiffCli cli = parseDiff(args);
  if (cli.operands.size() != 2)
    throw UsageError("'diff' compares two functions: give A and B; run `findc diff --help`");
  if (cli.functions.size() > 2)
    throw UsageError("--fn is given at most twice (A's, then B's)");
  // .fnd operands first: a string function there makes the hypotheses take a str.
  std::optional<score::DiffOperand> operands[2];
  size_t fnIndex = 0;
  for (int side = 0; side < 2; ++side)
    if (!isPython(cli.operands[side])) {
      std::string fn = cli.functions.empty() ? "" : cli.functions[std::min(fnIndex++, cli.functions.size() - 1)];
      if (!(operands[side] = loadOperand(cli.operands[side], fn, cli.engine, cli.input)))
        return kExitUsage;
      if (operands[side]->suite->function(operands[side]->fn).takesStr())
        cli.input = SourceOptions::Input::Str;
    }
  for (int side = 0; side < 2; ++side)
    if (isPython(cli.operands[side]) && !(operands[side] = loadOperand(cli.operands[side], "", cli.engine, cli.input)))
      return kExitUsage;
  const score::DiffOperand& a = *operands[0];
  const score::DiffOperand& b = *operands[1];
  bool strA = a.suite->function(a.fn).takesStr(), strB = b.suite->function(b.fn).takesStr();
  if (strA != strB)
    throw UsageError("cannot compare '" + a.label + "' (of a " + (strA ? "str" : "number") + ") with '" + b.label +
                     "' (of a " + (strB ? "str" : "number") + ")");
  bool differ = false;
  if (strA) {
    score::StringDiff diff = score::diffStrings(a, b, cli.diff);
    fmt::print("{}", cli.json ? score::stringDiffJson(a, b, diff) : score::formatStringDiff(a, b, diff));
    differ = diff.differing > 0;
  } else {
    score::NumericDiff diff = score::diffNumbers(a, b, cli.diff);
    fmt::print("{}", cli.json ? score::numericDiffJson(a, b, diff, cli.diff)
                              : score::formatNumericDiff(a, b, diff, cli.diff));
    differ = diff.differing > 0;
  }
  return differ ? 1 : 0;
}

} // namespace findc
