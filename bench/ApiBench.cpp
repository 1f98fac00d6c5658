// findc_bench_api: the C++ API's batch evaluation (findc::Function::evaluate
// on a caller's arrays), the baseline bench/api_bench.py measures the Python
// module against in the same run. Prints one line per function:
//   NAME SECONDS   (best of --reps evaluations of --points points)
#include "bench/BenchUtil.h"
#include "findc/findc.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace {

const char* const kHelp = R"(usage: findc_bench_api SUITE --fn NAME... [--points N] [--reps R] [--clean]
                        [--math exact|vector|fast] [--wall]

Times findc::Function::evaluate (the C++ API) on N points of [-128, 128)
(default 1000000), best of R runs (default 5), after one warm-up call that
compiles the function. Prints `NAME SECONDS` per function.
)";

} // namespace

int main(int argc, char** argv) {
  using namespace findc::bench;
  std::string suitePath;
  std::vector<std::string> names;
  long points = 1'000'000, reps = 5;
  findc::Effects effects;
  findc::LoadOptions load;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i], text;
    if (commonOption(arg, kHelp) || intOption(argc, argv, i, "points", points) || intOption(argc, argv, i, "reps", reps))
      continue;
    if (stringOption(argc, argv, i, "fn", text))
      names.push_back(text);
    else if (stringOption(argc, argv, i, "math", text))
      if (std::optional<findc::MathMode> math = findc::parseMathMode(text))
        load.math = *math;
      else
        fail("--math must be " + findc::mathModeChoices() + ", got '" + text + "'");
    else if (arg == "--clean")
      effects.apply = false;
    else if (suitePath.empty() && !arg.starts_with("-"))
      suitePath = arg;
    else
      fail("unexpected argument '" + arg + "'");
  }
  if (suitePath.empty() || names.empty())
    fail("give a SUITE and at least one --fn (see --help)");
  findc::Suite suite = findc::Suite::load(suitePath, load);
  std::vector<double> x(static_cast<size_t>(points)), y(x.size());
  for (size_t i = 0; i < x.size(); ++i)
    x[i] = -128.0 + 256.0 * static_cast<double>(i) / static_cast<double>(x.size());
  for (const std::string& name : names) {
    findc::Function f = suite[name];
    f.evaluate(std::span(x).first(1), std::span(y).first(1), effects); // compiles it
    double best = bestOf(static_cast<int>(reps), [&] { f.evaluate(x, y, effects); });
    std::printf("%s %.9f\n", name.c_str(), best);
  }
  return 0;
}
