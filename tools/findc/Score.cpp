// `findc score SUITE RESULTS`: agents' hypotheses scored against a suite,
// FIND's protocol or a strict one (docs/score.md).
#include "compiler/suite/FindExport.h"
#include "engine/Compile.h"
#include "score/Run.h"
#include "tools/findc/FunctionChart.h"
#include "tools/findc/Load.h"
#include "tools/findc/Suite.h"

#include <fmt/core.h>

#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace findc {
namespace {

const char* const kScoreHelp = R"(usage: findc score SUITE RESULTS [options]

Scores the hypothesis RESULTS/fNNNNN/code.py of every bench of SUITE (the
bench at position NNNNN, as FIND's scripts address functions) and prints a
table by category: atom, composition, noised, corrupted, mlp; string atom,
string composition (docs/score.md).

  --protocol find|strict  find (default): FIND's scorers' numbers, quirks
                          included. Numeric: x = i + 0.5 for i in [-R, R),
                          the truth with its noise and corruption drawn under
                          --seed, points where abs(truth) is nan or inf
                          skipped, MSE and NMSE as FIND's list_mse computes
                          them, score 1 when NMSE < T; an exception anywhere
                          scores 0 with mse and nmse null. Strings: the
                          correct input of each unit-test vector, read as
                          FIND's exec string reads it, compared by ==; an
                          exception scores 0 and ends the function's tests.
                          strict: the truth without random effects, every
                          test counted, errors counted apart, points outside
                          a bench's declared domain counted apart
  --seed S                the truth's noise and corruption (default 0); for
                          a string suite also the unit tests' seed
  --threshold T           NMSE threshold (default 0.1)
  --range R               numeric grid half-width (default 128)
  --unit-tests FILE       a string suite's unit tests (FIND's
                          unit_test_data.json); default: the suite's own, as
                          `findc suite export-find --seed S` writes them
  --jobs N                functions scored at once (default: every core)
  --engine interp|jit     how hypotheses and the truth run (default interp:
                          on 256 points it beats compiling; bit-identical)
  -o DIR                  where the results go (default RESULTS):
                          findc-score.json, FIND's files (scores.json and
                          test_res_data.json, or scores_code.json and
                          test_res_data_code.json) and the journal
                          findc-score.journal, which a rerun reads to skip
                          functions already scored
  --fresh                 ignore the journal: score every function again
  --json                  print findc-score.json instead of the table
  --plots DIR             also draw every function (numeric suites): the
                          truth, the served samples under --seed, the
                          hypothesis, the corrupted interval, as DIR/fNNNNN.svg
                          (docs/plot.md); DIR is created if missing
  --plot-format svg|png   the format of those charts (default svg)

Every file is written whole or not at all.
)";

struct ScoreCliOptions {
  std::vector<std::string> positional;
  score::ScoreOptions score;
  score::RunOptions run;
  std::optional<std::string> unitTests;
  std::optional<std::string> output;
  std::optional<std::string> plots;
  std::string plotFormat = "svg";
  bool fresh = false;
  bool json = false;
};

ScoreCliOptions parseScoreOptions(const std::vector<std::string>& args) {
  ScoreCliOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!arg.starts_with("-") || arg == "-") {
      options.positional.push_back(arg);
      continue;
    }
    if (arg == "--fresh") {
      options.fresh = true;
      continue;
    }
    if (arg == "--json") {
      options.json = true;
      continue;
    }
    static const char* const kValued[] = {"--protocol", "--seed", "--threshold", "--range", "--unit-tests",
                                          "--jobs",     "--engine", "-o",
                                          "--plots",    "--plot-format"};
    if (std::find(std::begin(kValued), std::end(kValued), arg) == std::end(kValued))
      throw UsageError("'score' does not take " + arg);
    if (i + 1 >= args.size())
      throw UsageError("option " + arg + " needs a value");
    const std::string& value = args[++i];
    if (arg == "--protocol") {
      if (value != "find" && value != "strict")
        throw UsageError("--protocol expects find or strict, got '" + value + "'");
      options.score.protocol = value == "find" ? score::Protocol::Find : score::Protocol::Strict;
    } else if (arg == "--seed") {
      options.score.seed = parseCount(arg, value);
    } else if (arg == "--threshold") {
      options.score.threshold = parseReal(arg, value);
    } else if (arg == "--range") {
      uint64_t range = parseCount(arg, value);
      if (range == 0 || range > 1'000'000)
        throw UsageError("--range expects 1 to 1000000, got '" + value + "'");
      options.score.range = static_cast<int64_t>(range);
    } else if (arg == "--unit-tests") {
      options.unitTests = value;
    } else if (arg == "--jobs") {
      options.run.jobs = static_cast<unsigned>(std::min<uint64_t>(parseCount(arg, value), 256));
    } else if (arg == "--engine") {
      if (value != "interp" && value != "jit")
        throw UsageError("--engine expects interp or jit, got '" + value + "'");
      options.score.engine = value == "jit" ? Engine::Jit : Engine::Interpreter;
    } else if (arg == "-o") {
      options.output = value;
    } else if (arg == "--plots") {
      options.plots = value;
    } else if (arg == "--plot-format") {
      if (value != "svg" && value != "png")
        throw UsageError("--plot-format expects svg or png, got '" + value + "'");
      options.plotFormat = value;
    }
  }
  return options;
}

} // namespace

int runScore(const std::vector<std::string>& args) {
  if (wantsHelp(args)) {
    fmt::print("{}", kScoreHelp);
    return kExitOk;
  }
  ScoreCliOptions options = parseScoreOptions(args);
  if (options.positional.size() != 2)
    throw UsageError("'score' needs a SUITE and a RESULTS directory; run `findc score --help`");
  const std::string& suitePath = options.positional[0];
  const std::string& results = options.positional[1];
  if (!std::filesystem::is_directory(results))
    throw UsageError("RESULTS '" + results + "' is not a directory");
  std::string output = options.output.value_or(results);
  if (!std::filesystem::is_directory(output))
    throw UsageError("-o '" + output + "' is not a directory");

  std::shared_ptr<const engine::Suite> suite = compileFile(suitePath, {.load = {.engine = options.score.engine}});
  if (!suite)
    return kExitCompileError;
  if (suite->module().benches.empty())
    throw UsageError("'" + suitePath + "' declares no bench to score against");

  score::RunIdentity run{.suitePath = suitePath, .suiteHash = score::textHash(suite->file().text()), .options = options.score};
  std::vector<suite::UnitTests> unitTests;
  score::Scorer probe(suite, options.score);
  if (probe.strings()) {
    if (options.unitTests) {
      unitTests = score::readUnitTestData(*options.unitTests);
    } else {
      unitTests = suiteUnitTests(*suite, options.score.seed);
    }
    run.suiteHash = score::textHash(suite->file().text() + suite::unitTestDataJson(unitTests));
  }
  if (options.plots && probe.strings())
    throw UsageError("--plots draws functions of a number; '" + suitePath + "' is a suite of str functions");
  if (options.plots && std::filesystem::exists(*options.plots) && !std::filesystem::is_directory(*options.plots))
    throw UsageError("--plots '" + *options.plots + "' is not a directory");
  score::Scorer scorer(suite, options.score, std::move(unitTests));

  std::string journal = (std::filesystem::path(output) / "findc-score.journal").string();
  if (options.fresh)
    std::filesystem::remove(journal);
  options.run.journalPath = journal;
  options.run.progress = isatty(STDERR_FILENO);
  std::vector<score::FunctionScore> scores = score::scoreResults(scorer, run, results, options.run);

  std::string json = score::scoreJson(run, scores, scorer.strings());
  writeWhole((std::filesystem::path(output) / "findc-score.json").string(), json);
  for (const score::FindFile& find : score::findFiles(scores, scorer.strings()))
    writeWhole((std::filesystem::path(output) / find.name).string(), find.text);
  if (options.plots) // after the scores: a chart never changes them
    writeScorePlots(*suite, scores, results, *options.plots, options.plotFormat, options.score.range,
                    options.score.seed, options.score.engine);
  fmt::print("{}", options.json ? json : score::scoreTable(scores));
  return kExitOk;
}

} // namespace findc
