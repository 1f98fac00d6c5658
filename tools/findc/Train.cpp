// findc suite train: fits every untrained `approx mlp` network of a suite
// to its bench's clean function, evaluated through the engine.
#include "compiler/suite/Mlp.h"
#include "engine/Compile.h"
#include "tools/findc/Suite.h"

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <iostream>
#include <thread>

namespace findc {
namespace {

// Weights as float32 bit patterns, 8 hex digits each, in one string: exact,
// and one token for the parser (a decimal list of 193 weights per network
// made a 150-network suite parse 3x slower).
std::string formatWeights(const suite::MlpFit& fit) {
  std::string hex;
  auto add = [&](float w) { hex += fmt::format("{:08x}", std::bit_cast<uint32_t>(w)); };
  for (float w : fit.weights.w1) add(w);
  for (float w : fit.weights.b1) add(w);
  for (float w : fit.weights.w2) add(w);
  add(fit.weights.b2);
  return " weights \"" + hex + "\" mse " + formatPython(Scalar::ofReal(fit.mse));
}

struct TrainingJob {
  std::string name;
  uint32_t target = 0; // the clean function it fits
  double lo = 0, hi = 0;
  suite::MlpOptions options;
  size_t insertAt = 0;
  suite::MlpFit fit;
  double seconds = 0;
};

// Fits are independent and pure: they run on every core (the suite is safe
// to evaluate from several threads).
void trainAll(const engine::Suite& suite, std::vector<TrainingJob>& jobs) {
  std::atomic<size_t> next = 0;
  auto worker = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      TrainingJob& job = jobs[i];
      auto start = std::chrono::steady_clock::now();
      job.fit = suite::trainMlp(
          [&suite, target = job.target](const double* x, double* y, size_t n) { suite.runBatch(target, x, y, n); },
          job.lo, job.hi, job.options);
      job.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
  };
  unsigned threads = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), jobs.size()));
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t)
    pool.emplace_back(worker);
  worker();
}

} // namespace

int runTrain(const SuiteOptions& options) {
  if (options.positional.size() != 1)
    throw UsageError("'suite train' needs exactly one FILE");
  const std::string& path = options.positional[0];
  std::string output = options.output.empty() ? path : options.output;
  DiagnosticEngine diags;
  std::shared_ptr<const SourceFile> file = engine::readSource(path, diags);
  std::unique_ptr<engine::Suite> suite = file ? engine::compileSuite(file, {}, diags) : nullptr;
  diags.print(std::cerr);
  if (!suite)
    return 1;
  const ir::Module* module = &suite->module();

  std::vector<TrainingJob> jobs;
  std::vector<uint32_t> targets;
  for (const ir::Bench& bench : module->benches) {
    if (!bench.approx || bench.approx->trained)
      continue;
    const ir::Function& fn = module->functions[bench.function];
    if (!bench.domain || !std::isfinite(bench.domain->first) || !std::isfinite(bench.domain->second)) {
      diags.error(*file, {bench.approx->line, bench.approx->column},
                  "'" + fn.name + "' needs a finite domain to train its `approx mlp` on", 6);
      continue;
    }
    TrainingJob job;
    job.name = fn.name;
    job.lo = bench.domain->first;
    job.hi = bench.domain->second;
    job.options.hidden = bench.approx->hidden;
    job.options.epochs = options.epochs;
    job.options.seed = options.seed ^ rt::benchKey(0, fn.name)[0]; // distinct initialisations
    job.insertAt = bench.approx->endOffset;
    job.target = bench.approx->target;
    targets.push_back(job.target);
    jobs.push_back(std::move(job));
  }
  if (diags.hasErrors()) {
    diags.print(std::cerr);
    return 1;
  }
  suite->prepare(targets, {}); // one compilation for all targets
  trainAll(*suite, jobs);

  // Weights go in at each clause's end, last first so earlier offsets hold.
  std::string text = file->text();
  std::sort(jobs.begin(), jobs.end(), [](const auto& a, const auto& b) { return a.insertAt > b.insertAt; });
  for (const TrainingJob& job : jobs) {
    if (job.fit.weights.w1.empty())
      throw std::runtime_error("'" + job.name + "' has no finite value on its domain to train on; nothing written");
    text.insert(job.insertAt, formatWeights(job.fit));
  }
  writeWhole(output, text);
  std::sort(jobs.begin(), jobs.end(), [](const auto& a, const auto& b) { return a.insertAt < b.insertAt; });
  for (const TrainingJob& job : jobs)
    fmt::print(stderr, "{}: mse {:.6g} ({:.2f} s)\n", job.name, job.fit.mse, job.seconds);
  fmt::print(stderr, "trained {} networks into {}\n", jobs.size(), output);
  return 0;
}


} // namespace findc
