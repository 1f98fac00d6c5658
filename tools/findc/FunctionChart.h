// What `findc plot` and `findc score --plots` draw of a function of a number
// (docs/plot.md): its truth, the samples a FIND agent is served, a
// hypothesis, and the interval a corrupted bench corrupts.
#pragma once

#include "engine/Suite.h"
#include "plot/Chart.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace findc {

struct FunctionChartOptions {
  double lo = -128, hi = 128; // the x axis
  size_t points = 1001;       // where the truth and the hypothesis are drawn, evenly from lo to hi
  uint64_t seed = 0;          // the served samples' noise and corruption
  int64_t gridRange = 128;    // served samples at FIND's x = i + 0.5, i in [-R, R), query k at the k-th
};

// The chart of function `fn` of `suite`, with `hypothesis`'s first visible
// function if given. Throws UsageError for a function that does not take a number.
plot::LineChart functionChart(const engine::Suite& suite, uint32_t fn, const engine::Suite* hypothesis,
                              const FunctionChartOptions& options);

namespace score {
struct FunctionScore;
}

// `findc score --plots DIR`: DIR/fNNNNN.EXT for every scored function (EXT
// svg or png): the chart above on the scorer's grid and seed, with the
// hypothesis RESULTS/fNNNNN/code.py where it compiles, titled with its score.
void writeScorePlots(const engine::Suite& suite, std::span<const score::FunctionScore> scores,
                     const std::string& results, const std::string& dir, const std::string& extension,
                     int64_t range, uint64_t seed, Engine engine);

} // namespace findc
