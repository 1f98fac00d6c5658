// `findc plot`: a function of a number drawn with its served samples and a
// hypothesis, or a score run's mean scores by category (docs/plot.md).
#include "engine/Compile.h"
#include "plot/Chart.h"
#include "score/Score.h"
#include "tools/findc/FunctionChart.h"
#include "tools/findc/Load.h"
#include "tools/findc/Suite.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace findc {
namespace {

const char* const kPlotHelp = R"(usage: findc plot SUITE --fn NAME [options] -o OUT.svg|OUT.png
       findc plot --summary findc-score.json -o OUT.svg|OUT.png

Draws a function of a number (docs/plot.md): its truth without noise or
corruption (a line), the samples FIND serves an agent at x = i + 0.5 for i
in [-128, 128) with the noise and corruption drawn under --seed, as
`findc score --seed S` scores against them (markers), a hypothesis (a
line), and the interval a corrupted bench corrupts (shaded). With
--summary, the mean score of each category of a score run (bars).

  --fn NAME          the function of SUITE to draw
  --hypothesis FILE  a Python hypothesis (FIND's code.py), compiled and run
                     as findc score runs it
  --seed S           the served samples' noise and corruption (default 0)
  --range A:B        the x axis (default -128:128)
  --points N         where the truth and the hypothesis are evaluated,
                     evenly from A to B (default 1001)
  --engine interp|jit  (default interp)
  --summary FILE     a findc-score.json: a bar chart of its "summary"
  -o OUT             the chart: SVG or PNG by the extension, written whole
)";

struct PlotCli {
  std::vector<std::string> positional;
  std::string function, hypothesis, summary, output;
  FunctionChartOptions chart;
  Engine engine = Engine::Interpreter;
};

PlotCli parsePlot(const std::vector<std::string>& args) {
  PlotCli cli;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!arg.starts_with("-") || arg == "-") {
      cli.positional.push_back(arg);
      continue;
    }
    static const char* const kValued[] = {"--fn",     "--hypothesis", "--seed",    "--range",
                                          "--points", "--engine",     "--summary", "-o"};
    if (std::find(std::begin(kValued), std::end(kValued), arg) == std::end(kValued))
      throw UsageError("'plot' does not take " + arg);
    if (i + 1 >= args.size())
      throw UsageError("option " + arg + " needs a value");
    const std::string& value = args[++i];
    if (arg == "--fn") {
      cli.function = value;
    } else if (arg == "--hypothesis") {
      cli.hypothesis = value;
    } else if (arg == "--seed") {
      cli.chart.seed = parseCount(arg, value);
    } else if (arg == "--range") {
      std::tie(cli.chart.lo, cli.chart.hi) = parseInterval(arg, value);
    } else if (arg == "--points") {
      cli.chart.points = parseCount(arg, value);
      if (cli.chart.points < 2 || cli.chart.points > 1'000'000)
        throw UsageError("--points expects 2 to 1000000, got '" + value + "'");
    } else if (arg == "--engine") {
      if (value != "jit" && value != "interp")
        throw UsageError("--engine expects interp or jit, got '" + value + "'");
      cli.engine = value == "jit" ? Engine::Jit : Engine::Interpreter;
    } else if (arg == "--summary") {
      cli.summary = value;
    } else {
      cli.output = value;
    }
  }
  return cli;
}

// A findc-score.json's "summary" as bars; a UsageError naming what is wrong.
plot::BarChart summaryChart(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw UsageError("cannot read '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
  if (json.is_discarded())
    throw UsageError("'" + path + "' is not JSON");
  if (!json.is_object() || !json.contains("summary") || !json["summary"].is_array())
    throw UsageError("'" + path + "' has no \"summary\" list: is it a findc-score.json?");
  plot::BarChart chart;
  chart.title = "mean score by category";
  chart.yLabel = "mean score";
  if (json.contains("suite") && json["suite"].is_string() && json.contains("protocol") && json["protocol"].is_string())
    chart.title += fmt::format(": {} ({} protocol)", json["suite"].get<std::string>(),
                               json["protocol"].get<std::string>());
  for (size_t i = 0; i < json["summary"].size(); ++i) {
    const nlohmann::json& group = json["summary"][i];
    if (!group.is_object() || !group.contains("category") || !group["category"].is_string() ||
        !group.contains("score") || !group["score"].is_number() || !group.contains("functions") ||
        !group["functions"].is_number_unsigned())
      throw UsageError(fmt::format("'{}': summary entry {} needs a \"category\", a \"score\" and \"functions\"", path, i));
    double score = group["score"].get<double>();
    chart.bars.push_back({.label = group["category"].get<std::string>(),
                          .value = score,
                          .annotation = fmt::format("{:.3f} (n={})", score, group["functions"].get<uint64_t>())});
  }
  if (chart.bars.empty())
    throw UsageError("'" + path + "' has an empty \"summary\"");
  return chart;
}

} // namespace

int runPlot(const std::vector<std::string>& args) {
  if (wantsHelp(args)) {
    fmt::print("{}", kPlotHelp);
    return kExitOk;
  }
  PlotCli cli = parsePlot(args);
  if (cli.output.empty())
    throw UsageError("'plot' needs -o OUT.svg or -o OUT.png; run `findc plot --help`");
  plot::Format format;
  try {
    format = plot::formatForPath(cli.output);
  } catch (const plot::PlotError& e) {
    throw UsageError(std::string("-o ") + e.what());
  }
  if (!cli.summary.empty()) {
    if (!cli.positional.empty() || !cli.function.empty() || !cli.hypothesis.empty())
      throw UsageError("'plot --summary' takes no SUITE, --fn or --hypothesis");
    writeWhole(cli.output, plot::render(summaryChart(cli.summary), format));
    return kExitOk;
  }
  if (cli.positional.size() != 1)
    throw UsageError("'plot' needs one SUITE (or --summary FILE); run `findc plot --help`");
  if (cli.function.empty())
    throw UsageError("'plot' needs --fn NAME");
  std::unique_ptr<engine::Suite> suite = compileFile(cli.positional[0], {.load = {.engine = cli.engine}});
  if (!suite)
    return kExitCompileError;
  uint32_t fn = suite->resolve(cli.function);
  const ir::Bench* bench = suite->bench(fn);
  if (bench && bench->approx && !bench->approx->trained) { // as eval refuses it: there is nothing to draw yet
    DiagnosticEngine diags;
    diags.error(suite->file(), {bench->approx->line, bench->approx->column},
                "'" + cli.function + "' is declared `approx mlp` but has no weights yet; run `findc suite train " +
                    cli.positional[0] + "`",
                6);
    diags.print(std::cerr);
    return kExitCompileError;
  }
  std::unique_ptr<engine::Suite> hypothesis;
  if (!cli.hypothesis.empty()) {
    hypothesis = compileFile(cli.hypothesis, {.load = score::hypothesisLoadOptions(cli.engine, /*strings=*/false)});
    if (!hypothesis)
      return kExitCompileError;
    if (hypothesis->visible().empty())
      throw UsageError("'" + cli.hypothesis + "' defines no function");
  }
  plot::LineChart chart = functionChart(*suite, fn, hypothesis.get(), cli.chart);
  chart.title = bench ? fmt::format("{} ({})", cli.function, bench->category) : cli.function;
  writeWhole(cli.output, plot::render(chart, format));
  return kExitOk;
}

} // namespace findc
