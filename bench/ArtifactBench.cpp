// findc_bench_artifact: compiled artifacts (engine/Artifact.h) against
// compiling from source, in the same run, with the goals of issue 12:
//   1. cold compile of the whole suite: `findc build` as a user runs it;
//   2. loading the artifact in a process (engine::loadArtifact);
//   3. `findc call` on the artifact, a process per query as FIND's harness
//      runs one (and the lean runner, `findc-run`, if built), against
//      `findc call` on the source;
//   4. throughput of the artifact's code against the JIT's (exact math), and
//      whether every value is the same.
#include "bench/BenchUtil.h"
#include "engine/Artifact.h"
#include "engine/Compile.h"
#include "engine/Evaluate.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace findc;
using namespace findc::bench;

namespace {

const char* const kHelp = R"(usage: findc_bench_artifact [options]

  --findc PATH       the findc binary (default: this build's)
  --suite PATH       the suite (default: examples/find-v1-numeric.fnd)
  --work DIR         where the artifact goes (default: a temporary directory)
  --build-runs N     `findc build` runs (default 2)
  --call-runs N      `findc call` runs per variant (default 20)
  --points N         points per function for throughput (default 10000)
  --quick            1 build run, 5 call runs, 1000 points
  --wall             steady_clock instead of thread CPU time (throughput)
)";

struct Goal {
  std::string what;
  double measured, limit;
  std::string unit;
};

void printGoals(const std::vector<Goal>& goals) {
  std::printf("\ngoals (issue 12), measured in this run\n");
  std::printf("%-52s %12s %10s  %s\n", "goal", "measured", "limit", "");
  for (const Goal& g : goals)
    std::printf("%-52s %9.3g %-2s %7.3g %-2s  %s\n", g.what.c_str(), g.measured, g.unit.c_str(), g.limit,
                g.unit.c_str(), g.measured < g.limit ? "met" : "NOT MET");
}

} // namespace

int main(int argc, char** argv) {
  std::string findc = FINDC_BENCH_FINDC_PATH, lean = FINDC_BENCH_RUNNER_PATH;
  std::string suitePath = std::string(FINDC_BENCH_SOURCE_DIR) + "/examples/find-v1-numeric.fnd", work;
  long buildRuns = 2, callRuns = 20, points = 10000;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (commonOption(arg, kHelp) || stringOption(argc, argv, i, "findc", findc) ||
        stringOption(argc, argv, i, "suite", suitePath) || stringOption(argc, argv, i, "work", work) ||
        intOption(argc, argv, i, "build-runs", buildRuns) || intOption(argc, argv, i, "call-runs", callRuns) ||
        intOption(argc, argv, i, "points", points))
      continue;
    if (arg == "--quick") {
      buildRuns = 1, callRuns = 5, points = 1000;
      continue;
    }
    fail("unknown option " + arg + "; see --help");
  }
  std::filesystem::path dir =
      work.empty() ? std::filesystem::temp_directory_path() / "findc-bench-artifact" : std::filesystem::path(work);
  std::filesystem::create_directories(dir);
  std::string artifact = (dir / "suite.findo").string(), out = (dir / "out.txt").string();
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::printf("findc_bench_artifact: %s, %u cores\n", suitePath.c_str(), cores);

  // 1. Cold compile: a process that reads, compiles, links and writes.
  std::vector<double> build;
  for (long r = 0; r < buildRuns; ++r)
    build.push_back(runChild({findc, "build", suitePath, "-o", artifact}, out).wall);
  std::printf("\nfindc build SUITE -o suite.findo (%ld runs, wall s): %s, %ju bytes\n", buildRuns,
              spreadCell(build).c_str(), static_cast<uintmax_t>(std::filesystem::file_size(artifact)));

  // 2. Loading, in this process (the first load pays the page cache's and
  //    the dynamic loader's first touches).
  std::vector<double> loads;
  for (long r = 0; r < std::max(callRuns, 5L); ++r) {
    double t0 = wallNow();
    std::unique_ptr<engine::Suite> suite = engine::loadArtifact(artifact);
    loads.push_back(wallNow() - t0);
  }
  auto ms = [](std::vector<double> v) {
    for (double& x : v)
      x *= 1e3;
    return spreadCell(v);
  };
  std::printf("engine::loadArtifact (%zu loads, wall ms): %s\n", loads.size(), ms(loads).c_str());

  // 3. A process per query.
  std::vector<std::string> query = {"--fn", "f00001", "--seed", "1", "1", "2", "3"};
  auto callTimes = [&](const std::string& binary, const std::string& file, long runs) {
    std::vector<std::string> args = {binary, "call", file};
    args.insert(args.end(), query.begin(), query.end());
    std::vector<double> wall;
    for (long r = 0; r < runs; ++r)
      wall.push_back(runChild(args, out).wall);
    return wall;
  };
  std::vector<double> callArtifact = callTimes(findc, artifact, callRuns);
  std::vector<double> callSource = callTimes(findc, suitePath, std::max(3L, callRuns / 4));
  std::printf("\na process per query: `call FILE --fn f00001 --seed 1 1 2 3`, wall ms, median [min-max]\n");
  std::printf("  findc call SUITE.fnd      %s\n", ms(callSource).c_str());
  std::printf("  findc call suite.findo    %s\n", ms(callArtifact).c_str());
  std::vector<double> callLean;
  if (std::filesystem::exists(lean)) {
    callLean = callTimes(lean, artifact, callRuns);
    std::printf("  findc-run call suite.findo  %s\n", ms(callLean).c_str());
  }

  // 4. Throughput and identity: every function with a unary entry.
  std::unique_ptr<engine::Suite> fromArtifact = engine::loadArtifact(artifact);
  // The JIT's optimized code (its second tier, at once), against which the
  // artifact's quick code is measured.
  DiagnosticEngine diags;
  std::shared_ptr<const SourceFile> sourceFile = engine::readSource(suitePath, diags);
  engine::CompileOptions optimizedAtOnce{.load = {}, .optimizeIR = false, .optimizeAfterPoints = 0};
  std::unique_ptr<engine::Suite> fromSource =
      sourceFile ? engine::compileSuite(sourceFile, optimizedAtOnce, diags) : nullptr;
  if (!fromSource)
    fail("cannot compile " + suitePath);
  std::vector<uint32_t> unary;
  for (uint32_t f : fromSource->visible())
    if (fromSource->function(f).hasUnaryEntry())
      unary.push_back(f);
  double t0 = wallNow();
  fromSource->prepare(unary, {});
  double jitCompile = wallNow() - t0;
  std::vector<double> x(static_cast<size_t>(points)), ya(x.size()), yj(x.size());
  for (size_t i = 0; i < x.size(); ++i)
    x[i] = -128.0 + 256.0 * static_cast<double>(i) / static_cast<double>(x.size());
  double artifactTime = 0, jitTime = 0;
  size_t different = 0;
  for (uint32_t f : unary) {
    uint32_t a = fromArtifact->resolve(fromSource->function(f).name);
    artifactTime += bestOf(3, [&] { fromArtifact->runBatch(a, x.data(), ya.data(), x.size()); });
    jitTime += bestOf(3, [&] { fromSource->runBatch(f, x.data(), yj.data(), x.size()); });
    different += std::memcmp(ya.data(), yj.data(), x.size() * sizeof(double)) != 0;
  }
  double evaluations = static_cast<double>(unary.size()) * static_cast<double>(points);
  std::printf("\nthroughput, %zu functions x %ld points, best of 3, %s\n", unary.size(), points, clockName());
  std::printf("  JIT (exact, optimized, compiled in this process in %.2f s wall)  %.2f ns/evaluation\n", jitCompile,
              jitTime / evaluations * 1e9);
  std::printf("  artifact (exact)                                    %.2f ns/evaluation (%.2fx the JIT's time)\n",
              artifactTime / evaluations * 1e9, artifactTime / jitTime);
  std::printf("  functions whose values differ from the JIT's at any point: %zu of %zu\n", different, unary.size());

  std::vector<Goal> goals = {
      {"cold compile of the suite (findc build), median", median(build), 2.0, "s"},
      {"artifact load (engine::loadArtifact), median", median(loads) * 1e3, 50, "ms"},
      {"findc call on an artifact, median", median(callArtifact) * 1e3, 5, "ms"},
  };
  if (!callLean.empty())
    goals.push_back({"findc-run call on an artifact, median", median(callLean) * 1e3, 5, "ms"});
  printGoals(goals);
  return different == 0 ? 0 : 1;
}
