// `findc score --plots DIR`: one chart per scored function (docs/plot.md).
#include "engine/Compile.h"
#include "findc/Errors.hpp"
#include "score/Run.h"
#include "score/Score.h"
#include "tools/findc/FunctionChart.h"
#include "tools/findc/Suite.h"

#include <fmt/core.h>

#include <filesystem>

namespace findc {
namespace {

std::string chartTitle(const score::FunctionScore& s) {
  std::string title = fmt::format("{} {}: score {:g}", s.name, s.bench, s.score);
  if (s.nmse)
    title += fmt::format(", nmse {:.3g}", *s.nmse);
  if (!s.error.empty()) // the title holds one line of it
    title += ": " + (s.error.size() > 60 ? s.error.substr(0, 57) + "..." : s.error);
  return title;
}

} // namespace

void writeScorePlots(const engine::Suite& suite, std::span<const score::FunctionScore> scores,
                     const std::string& results, const std::string& dir, const std::string& extension,
                     int64_t range, uint64_t seed, Engine engine) {
  std::filesystem::create_directories(dir);
  FunctionChartOptions options{.lo = -static_cast<double>(range), .hi = static_cast<double>(range),
                               .seed = seed, .gridRange = range};
  for (size_t position = 0; position < scores.size(); ++position) {
    const score::FunctionScore& s = scores[position];
    std::string path = (std::filesystem::path(results) / s.name / "code.py").string();
    std::shared_ptr<const engine::Suite> hypothesis;
    if (std::optional<std::string> code = score::readText(path)) {
      try {
        hypothesis = engine::compileOrThrow(*code, path, score::hypothesisLoadOptions(engine, /*strings=*/false));
      } catch (const CompileError&) { // the score's error says why; the chart goes without it
      }
    }
    if (hypothesis && hypothesis->visible().empty())
      hypothesis.reset();
    plot::LineChart chart =
        functionChart(suite, suite.module().benches[position].function, hypothesis.get(), options);
    chart.title = chartTitle(s);
    writeWhole((std::filesystem::path(dir) / (s.name + "." + extension)).string(),
               plot::render(chart, extension == "png" ? plot::Format::Png : plot::Format::Svg));
  }
}

} // namespace findc
