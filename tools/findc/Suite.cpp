#include "tools/findc/Suite.h"

#include "compiler/codegen/Codegen.h"
#include "compiler/driver/Compiler.h"
#include "compiler/jit/JIT.h"
#include "compiler/suite/FindSampler.h"
#include "compiler/suite/FindStringSampler.h"
#include "compiler/suite/FindWriter.h"
#include "compiler/suite/Mlp.h"
#include "runtime/Value.h"

#include <fmt/core.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <bit>
#include <atomic>
#include <charconv>
#include <chrono>
#include <iostream>
#include <thread>

namespace findc {

const char* const kSuiteHelp = R"(usage: findc suite <action> ...

actions:
  import-find DATA VARIANTS -o FILE
      writes FIND v1's numeric functions (DATA: FIND's numeric data.json,
      VARIANTS: its func_name_dict.json) as a suite: one bench per function,
      named f00000 ..., computing FIND's released code, shipped variant as
      clauses (noise, corrupt, approx mlp)
  generate --numeric N [--seed S] -o FILE
      samples N new numeric functions with FIND's distribution (atoms and
      compositions, noise, corruption, MLP share); deterministic for a seed
  generate --strings N [--seed S] -o FILE
      samples N new string functions with FIND's distribution (30% single
      atoms, 70% compositions outer(inner(x)) under FIND's avoid lists,
      FIND's parameter ranges), no two alike, as benches s00000 ... calling
      stdlib/strings.fnd; deterministic for a seed
  train FILE [-o OUT] [--epochs E] [--seed S]
      trains every `approx mlp` bench of FILE that has no weights yet
      (FIND's recipe: 1-H-1 ReLU network, 10,000 points of the domain, Adam,
      E epochs, default 10,000) and writes the weights and the fit's MSE
      into the file (or OUT)

Files are written whole or not at all.
)";

namespace {

namespace json = llvm::json;

struct SuiteOptions {
  std::vector<std::string> positional;
  std::string output;
  std::optional<uint64_t> numeric;
  std::optional<uint64_t> strings;
  uint64_t seed = 0;
  unsigned epochs = 10000;
};

SuiteOptions parseSuiteOptions(const std::vector<std::string>& args, const std::vector<std::string>& allowed) {
  SuiteOptions options;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!arg.starts_with("-")) {
      options.positional.push_back(arg);
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), arg) == allowed.end())
      throw UsageError("'suite " + args[0] + "' does not take " + arg);
    if (i + 1 >= args.size())
      throw UsageError("option " + arg + " needs a value");
    const std::string& value = args[++i];
    if (arg == "-o")
      options.output = value;
    else if (arg == "--numeric")
      options.numeric = parseCount(arg, value);
    else if (arg == "--strings")
      options.strings = parseCount(arg, value);
    else if (arg == "--seed")
      options.seed = parseCount(arg, value);
    else if (arg == "--epochs")
      options.epochs = static_cast<unsigned>(std::min<uint64_t>(parseCount(arg, value), 1'000'000));
  }
  return options;
}

// Writes through a temporary file and a rename: readers never see half a file.
void writeWhole(const std::string& path, const std::string& text) {
  std::string temporary = path + ".tmp";
  {
    std::error_code ec;
    llvm::raw_fd_ostream out(temporary, ec);
    if (ec)
      throw std::runtime_error("cannot write '" + temporary + "': " + ec.message());
    out << text;
    out.close();
    if (out.has_error()) {
      llvm::sys::fs::remove(temporary);
      throw std::runtime_error("cannot write '" + temporary + "'");
    }
  }
  if (std::error_code ec = llvm::sys::fs::rename(temporary, path)) {
    llvm::sys::fs::remove(temporary);
    throw std::runtime_error("cannot write '" + path + "': " + ec.message());
  }
}

json::Value readJson(const std::string& path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    throw std::runtime_error("cannot read '" + path + "': " + buffer.getError().message());
  llvm::Expected<json::Value> value = json::parse((*buffer)->getBuffer());
  if (!value)
    throw std::runtime_error(path + ": invalid JSON: " + llvm::toString(value.takeError()));
  return std::move(*value);
}

std::string requireOutput(const SuiteOptions& options, const std::string& action) {
  if (options.output.empty())
    throw UsageError("'suite " + action + "' needs -o FILE");
  return options.output;
}

int writeSuite(const json::Array& data, const json::Object& variants, const std::string& origin,
               const std::string& label, const std::string& output) {
  llvm::Expected<suite::FindSuiteText> text = suite::writeFindSuite(data, variants, origin, label);
  if (!text)
    throw std::runtime_error(llvm::toString(text.takeError()));
  writeWhole(output, text->text);
  fmt::print(stderr, "wrote {} benches to {}\n", text->benches, output);
  return 0;
}

int importFind(const SuiteOptions& options) {
  if (options.positional.size() != 2)
    throw UsageError("'suite import-find' needs DATA and VARIANTS (FIND's data.json and func_name_dict.json)");
  std::string output = requireOutput(options, "import-find");
  json::Value data = readJson(options.positional[0]);
  json::Value variants = readJson(options.positional[1]);
  if (!data.getAsArray() || !variants.getAsObject())
    throw std::runtime_error("DATA must be a JSON array and VARIANTS a JSON object");
  auto fileName = [](const std::string& path) { return path.substr(path.find_last_of('/') + 1); };
  return writeSuite(*data.getAsArray(), *variants.getAsObject(),
                    "FIND v1's " + fileName(options.positional[0]) + " and " + fileName(options.positional[1]),
                    "FIND v1", output);
}

int generateStrings(const SuiteOptions& options) {
  if (*options.strings > 100000)
    throw UsageError("--strings is limited to 100000 functions");
  std::string output = requireOutput(options, "generate");
  std::vector<suite::StringFunction> functions =
      suite::sampleFindStrings(static_cast<unsigned>(*options.strings), options.seed);
  std::string text = suite::writeFindStringSuite(
      functions,
      fmt::format("FIND's string sampler (findc's port), --strings {} --seed {}", *options.strings, options.seed),
      fmt::format("Sampled (seed {})", options.seed));
  writeWhole(output, text);
  fmt::print(stderr, "wrote {} benches to {}\n", functions.size(), output);
  return 0;
}

int generate(const SuiteOptions& options) {
  if (options.numeric && options.strings)
    throw UsageError("'suite generate' takes one of --numeric N and --strings N, not both");
  if (options.strings)
    return generateStrings(options);
  if (!options.numeric)
    throw UsageError("'suite generate' needs --numeric N or --strings N");
  if (*options.numeric > 100000)
    throw UsageError("--numeric is limited to 100000 functions");
  std::string output = requireOutput(options, "generate");
  suite::FindSample sample = suite::sampleFindNumeric(static_cast<unsigned>(*options.numeric), options.seed);
  return writeSuite(sample.data, sample.variants,
                    fmt::format("FIND's numeric sampler (findc's port), --numeric {} --seed {}", *options.numeric,
                                options.seed),
                    fmt::format("Sampled (seed {})", options.seed), output);
}

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
  BatchEntry target = nullptr;
  double lo = 0, hi = 0;
  suite::MlpOptions options;
  size_t insertAt = 0;
  suite::MlpFit fit;
  double seconds = 0;
};

// Fits are independent and pure: they run on every core.
void trainAll(std::vector<TrainingJob>& jobs) {
  std::atomic<size_t> next = 0;
  auto worker = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      TrainingJob& job = jobs[i];
      BatchEntry target = job.target;
      auto start = std::chrono::steady_clock::now();
      job.fit = suite::trainMlp(
          [target](const double* x, double* y, size_t n) { target(x, y, static_cast<int64_t>(n)); }, job.lo,
          job.hi, job.options);
      job.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
  };
  unsigned threads = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), jobs.size()));
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t)
    pool.emplace_back(worker);
  worker();
}

int train(const SuiteOptions& options) {
  if (options.positional.size() != 1)
    throw UsageError("'suite train' needs exactly one FILE");
  const std::string& path = options.positional[0];
  std::string output = options.output.empty() ? path : options.output;
  DiagnosticEngine diags;
  std::string why;
  auto file = SourceFile::read(path, &why);
  if (!file)
    throw std::runtime_error("cannot read '" + path + "': " + why);
  // Not optimized: the JIT specializes each target entry anyway.
  std::optional<ir::Module> module = compileToIR(*file, diags, {.optimize = false});
  diags.print(std::cerr);
  if (!module)
    return 1;

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
    jobs.push_back(std::move(job));
    targets.push_back(bench.approx->target);
  }
  if (diags.hasErrors()) {
    diags.print(std::cerr);
    return 1;
  }
  auto jit = JIT::create({.math = MathMode::Exact});
  if (!jit)
    throw std::runtime_error(llvm::toString(jit.takeError()));
  if (!targets.empty())
    if (llvm::Error e = (*jit)->add(*module, targets))
      throw std::runtime_error(llvm::toString(std::move(e)));
  for (size_t i = 0; i < jobs.size(); ++i) {
    auto batch = (*jit)->batchEntry(module->functions[targets[i]].name);
    if (!batch)
      throw std::runtime_error(llvm::toString(batch.takeError()));
    jobs[i].target = *batch;
  }
  trainAll(jobs);

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

} // namespace

int runSuite(const std::vector<std::string>& args) {
  bool help = std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; });
  if (args.empty() || help) {
    fmt::print("{}", kSuiteHelp);
    return args.empty() ? 2 : 0;
  }
  const std::string& action = args[0];
  if (action == "import-find")
    return importFind(parseSuiteOptions(args, {"-o"}));
  if (action == "generate")
    return generate(parseSuiteOptions(args, {"-o", "--numeric", "--strings", "--seed"}));
  if (action == "train")
    return train(parseSuiteOptions(args, {"-o", "--epochs", "--seed"}));
  throw UsageError("unknown suite action '" + action + "'; run `findc suite --help`");
}

} // namespace findc
