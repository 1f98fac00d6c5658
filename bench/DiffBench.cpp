// findc_bench_diff: `findc diff` on 10^6 points after compilation, against
// its floor measured in the same run: the two functions' batch evaluations
// alone (engine::evaluateNumberCodes on the same points).
//
//   findc_bench_diff [--points N] [--reps K] [--wall]
#include "bench/BenchUtil.h"
#include "engine/Compile.h"
#include "engine/Evaluate.h"
#include "score/Diff.h"

#include <cstdio>
#include <string>
#include <vector>

using namespace findc;

namespace {

const char* const kHelp = "usage: findc_bench_diff [--points N] [--reps K] [--wall]\n";

const char* const kPairs[][2] = {{"sine_period_pi.py", "sine_period_pi.py"},
                                 {"piecewise_linear.py", "relu_helper.py"},
                                 {"poly_horner.py", "poly_degree_five.py"},
                                 {"sigmoid.py", "tanh_scaled.py"}};

score::DiffOperand load(const std::string& name) {
  std::string path = std::string(FINDC_BENCH_SOURCE_DIR) + "/tests/hypotheses/numeric/" + name;
  auto suite = engine::loadOrThrow(path, LoadOptions{});
  return {suite, suite->visible().front(), name};
}

} // namespace

int main(int argc, char** argv) {
  size_t points = 1'000'000;
  int reps = 5;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (bench::commonOption(arg, kHelp))
      continue;
    if (arg == "--points" && i + 1 < argc)
      points = std::stoul(argv[++i]);
    else if (arg == "--reps" && i + 1 < argc)
      reps = std::stoi(argv[++i]);
  }
  std::printf("findc diff at %zu points after compilation, best of %d, %s\n", points, reps, bench::clockName());
  std::printf("%-44s %12s %16s %8s\n", "A vs B", "diff (ms)", "2 batches (ms)", "ratio");
  for (const auto& pair : kPairs) {
    score::DiffOperand a = load(pair[0]), b = load(pair[1]);
    score::DiffOptions options;
    options.points = points;
    score::diffNumbers(a, b, options); // compiles the entry points
    double diff = 1e9, floor = 1e9;
    std::vector<double> xs(points), y(points);
    std::vector<uint8_t> codes(points);
    for (size_t i = 0; i < points; ++i)
      xs[i] = -128.0 + 256.0 * static_cast<double>(i) / static_cast<double>(points - 1);
    for (int r = 0; r < reps; ++r) {
      double start = bench::now();
      score::NumericDiff result = score::diffNumbers(a, b, options);
      diff = std::min(diff, bench::now() - start);
      start = bench::now();
      engine::evaluateNumberCodes(*a.suite, a.fn, xs, y, {.apply = false}, codes);
      engine::evaluateNumberCodes(*b.suite, b.fn, xs, y, {.apply = false}, codes);
      floor = std::min(floor, bench::now() - start);
      if (result.points == 0)
        return 1;
    }
    std::printf("%-44s %12.1f %16.1f %7.1fx\n", (std::string(pair[0]) + " vs " + pair[1]).c_str(), diff * 1e3,
                floor * 1e3, diff / floor);
  }
  return 0;
}
