// findc_bench_suite: the whole FIND v1 numeric suite (examples/find-v1-numeric.fnd,
// 1,000 benches, 150 of them trained MLP networks) as one workload.
//
// 1. Cold compile, by phase, in exact and vector math: compileToIR (read +
//    parse + sema + IR + IR passes) of the file, JIT::create, JIT::add of all
//    1,000 bench functions in one module (findc IR -> LLVM IR + O2), the first
//    batchEntry (ORC materializes the whole module: instruction selection,
//    machine code, JIT link) and the other 999 lookups. The JITs built here
//    are the ones the throughput section times. Then the networks alone, the
//    rest alone and all again, each into a fresh exact JIT.
// 2. The `findc` CLI as users run it (fork/exec, wall time and the child's
//    CPU time): one function (`--fn f00500`) and all 1,000 in one run, with
//    `eval --help` (process start) and `check` (start + frontend) for scale.
// 3. Batch throughput: every function at N points of FIND's range
//    [-128, 128) with the JIT (exact, vector), the JIT plus the benches'
//    noise and corruption (rt::applyEffects, as `findc eval` without --clean)
//    and the interpreter (at fewer points), split by kind. Every engine is
//    first checked against the interpreter.
//
// Method as in findc_bench_eval: R rounds; in each, every engine is timed
// best-of-K on slices of 25 functions, interleaved slice by slice (see
// run()); the tables show the median over rounds, and ratios are the median
// of per-round ratios against jit-exact measured in the same round, with
// their range over rounds.
#include "bench/BenchLLVM.h"
#include "compiler/driver/Compiler.h"
#include "compiler/interp/Interpreter.h"
#include "compiler/jit/JIT.h"
#include "engine/Compile.h"
#include "engine/Evaluate.h"
#include "runtime/Bench.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

extern char** environ;

namespace findc::bench {
namespace {

#ifndef FINDC_BENCH_SOURCE_DIR
#define FINDC_BENCH_SOURCE_DIR "."
#endif
#ifndef FINDC_BENCH_FINDC_PATH
#define FINDC_BENCH_FINDC_PATH "findc"
#endif

struct Options {
  std::string suite = FINDC_BENCH_SOURCE_DIR "/examples/find-v1-numeric.fnd";
  std::string findc = FINDC_BENCH_FINDC_PATH;
  std::string cliFunction = "f00500";
  long points = 10000;      // per function, JIT engines
  long interpPoints = 1000; // per function, interpreter
  long rounds = 3;
  long reps = 3;      // best-of-K, JIT engines
  long slowReps = 1;  // best-of-K, interpreter
  long compileRuns = 2;
  long cliRuns = 10;   // findc eval --fn ONE
  long cliAllRuns = 2; // findc eval --fn (all 1,000)
  bool kindSplit = true;
};

const char* const kHelp = R"(usage: findc_bench_suite [options]

Compiles and evaluates the whole FIND v1 numeric suite (1,000 benches, 150
trained MLP networks): cold compile by phase (exact and vector math), the
findc CLI for one function and for all of them, and batch throughput of JIT
exact, JIT vector, JIT exact + noise/corruption and the interpreter, split into
MLP networks and the rest. Times are thread CPU time (--wall: steady_clock)
except the CLI's, which are wall time plus the child's CPU time.

  --suite FILE         the suite (default examples/find-v1-numeric.fnd)
  --findc PATH         the findc CLI (default: the one built with this bench)
  --cli-fn NAME        the single function for the CLI timing (default f00500)
  --points N           points per function for the JIT engines (default 10000)
  --interp-points N    points per function for the interpreter (default 1000)
  --rounds R           independent throughput rounds; medians (default 3)
  --reps K             best-of-K for the JIT engines (default 3)
  --slow-reps K        best-of-K for the interpreter (default 1)
  --compile-runs N     cold compiles of the suite per math mode (default 2)
  --cli-runs N         runs of `findc eval --fn ONE`, 0 skips (default 10)
  --cli-all-runs N     runs of `findc eval` with all 1,000 --fn, 0 skips (default 2)
  --no-kind-split      skip compiling the networks and the rest apart (~7 s)
  --wall               time with steady_clock instead of thread CPU time
)";


Options parseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (commonOption(arg, kHelp))
      continue;
    if (arg == "--no-kind-split") {
      o.kindSplit = false;
      continue;
    }
    bool known = stringOption(argc, argv, i, "suite", o.suite) || stringOption(argc, argv, i, "findc", o.findc) ||
                 stringOption(argc, argv, i, "cli-fn", o.cliFunction) ||
                 intOption(argc, argv, i, "points", o.points, 1) ||
                 intOption(argc, argv, i, "interp-points", o.interpPoints, 1) ||
                 intOption(argc, argv, i, "rounds", o.rounds, 1) || intOption(argc, argv, i, "reps", o.reps, 1) ||
                 intOption(argc, argv, i, "slow-reps", o.slowReps, 1) ||
                 intOption(argc, argv, i, "compile-runs", o.compileRuns, 1) ||
                 intOption(argc, argv, i, "cli-runs", o.cliRuns, 0) ||
                 intOption(argc, argv, i, "cli-all-runs", o.cliAllRuns, 0);
    if (!known)
      fail("unknown option '" + arg + "' (see --help)");
  }
  return o;
}

const char* modeName(MathMode mode) { return mode == MathMode::Exact ? "exact" : "vector"; }


// ---------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------

struct SuiteFunction {
  std::string name;
  uint32_t function = 0;
  const ir::Bench* bench = nullptr;
  bool network = false; // approx mlp: the bench's function is the trained network
  bool effects = false; // noise or corruption
  rt::PhiloxKey key{};
};

bool hasEffects(const rt::BenchEffects& e) {
  return e.noise.kind != rt::NoiseKind::None || e.corruption.region != rt::CorruptRegion::None;
}

std::vector<SuiteFunction> suiteFunctions(const ir::Module& module) {
  std::vector<SuiteFunction> out;
  for (const ir::Bench& bench : module.benches) {
    SuiteFunction f;
    f.name = module.functions[bench.function].name;
    f.function = bench.function;
    f.bench = &bench;
    f.network = bench.approx.has_value();
    f.effects = hasEffects(bench.effects);
    f.key = rt::benchKey(0, f.name);
    out.push_back(std::move(f));
  }
  return out;
}

// ---------------------------------------------------------------------------
// 1. Cold compile
// ---------------------------------------------------------------------------

struct CompileSample {
  double create = 0, frontend = 0, add = 0, firstLookup = 0, otherLookups = 0, wall = 0;
  double total() const { return create + frontend + add + firstLookup + otherLookups; }
};

struct Compiled {
  std::unique_ptr<SourceFile> file;
  std::optional<ir::Module> module;
  std::unique_ptr<JIT> jit;
  std::vector<BatchEntry> entries; // one per bench, in module.benches order
};

Compiled compileSuite(const std::string& path, MathMode mode, CompileSample& sample) {
  Compiled c;
  double w0 = wallNow();
  double t0 = now();
  std::string why;
  c.file = SourceFile::read(path, &why);
  if (!c.file)
    fail("cannot read '" + path + "': " + why);
  DiagnosticEngine diags;
  c.module = compileToIR(*c.file, diags);
  double t1 = now();
  diags.print(std::cerr);
  if (!c.module)
    fail("the suite does not compile");
  c.jit = unwrap(JIT::create({.math = mode}), "JIT::create");
  double t2 = now();
  std::vector<uint32_t> roots;
  for (const ir::Bench& bench : c.module->benches)
    roots.push_back(bench.function);
  check(c.jit->add(*c.module, roots), "JIT add");
  double t3 = now();
  double t4 = t3;
  for (size_t i = 0; i < roots.size(); ++i) {
    c.entries.push_back(unwrap(c.jit->batchEntry(c.module->functions[roots[i]].name), "batchEntry"));
    if (i == 0)
      t4 = now();
  }
  double t5 = now();
  sample = {t2 - t1, t1 - t0, t3 - t2, t4 - t3, t5 - t4, wallNow() - w0};
  return c;
}

// ---------------------------------------------------------------------------
// 2. The CLI
// ---------------------------------------------------------------------------

using CliSample = ChildSample;

// Runs `argv` with stdout to `outPath`, returns its times; fails unless it
// exits 0 and writes `expectLines` lines of JSON.
CliSample runCli(const std::vector<std::string>& args, const std::string& outPath, size_t expectLines) {
  CliSample s = runChild(args, outPath);
  std::ifstream in(outPath);
  std::string line;
  size_t lines = 0;
  while (std::getline(in, line))
    lines += line.rfind("{\"fn\": ", 0) == 0;
  if (lines != expectLines)
    fail("findc eval printed " + std::to_string(lines) + " JSON lines, expected " + std::to_string(expectLines));
  return s;
}

// ---------------------------------------------------------------------------
// 3. Throughput
// ---------------------------------------------------------------------------

// The groups the tables report. Functions fall into four disjoint classes,
// (network?, effects?), each timed as one loop; groups are sums of classes.
enum Class { OtherClean, OtherNoised, NetClean, NetNoised, kClasses };
Class classOf(const SuiteFunction& f) { return Class((f.network ? 2 : 0) + (f.effects ? 1 : 0)); }

struct Group {
  const char* name;
  std::array<bool, kClasses> classes;
};
const Group kGroups[] = {
    {"all", {true, true, true, true}},
    {"networks", {false, false, true, true}},
    {"other", {true, true, false, false}},
    {"noised", {false, true, false, true}},      // noise or corruption, any kind
    {"other clean", {true, false, false, false}}, // neither a network nor noised
};
constexpr size_t kGroupNoised = 3, kGroupOtherClean = 4;
constexpr size_t kNumGroups = std::size(kGroups);

using Run = std::function<void(size_t f, const double* x, double* y, size_t n)>;

struct Engine {
  std::string name;
  std::string note;
  bool slow = false; // the interpreter: fewer points, fewer reps
  Run run;
};


// Bit-identical, any NaN equal to any NaN.
size_t countDifferent(const double* a, const double* b, size_t n) {
  size_t diff = 0;
  for (size_t i = 0; i < n; ++i)
    diff += std::memcmp(&a[i], &b[i], sizeof(double)) != 0 && !(std::isnan(a[i]) && std::isnan(b[i]));
  return diff;
}

// Midpoints of n equal cells of [-128, 128): at n = 256, FIND's grid i + 0.5.
std::vector<double> grid(size_t n) {
  std::vector<double> x(n);
  for (size_t i = 0; i < n; ++i)
    x[i] = -128.0 + 256.0 * (static_cast<double>(i) + 0.5) / static_cast<double>(n);
  return x;
}

int run(const Options& options) {
  std::printf("findc_bench_suite: %s; %s\n", options.suite.c_str(), clockName());

  // --- 1. cold compile --------------------------------------------------------
  // The first compile in the process pays LLVM's one-time initialization
  // (inside JIT::create and the first add); it is the exact run 1.
  const MathMode modes[] = {MathMode::Exact, MathMode::Vector};
  std::vector<CompileSample> samples[2];
  Compiled compiled[2];
  for (long r = 0; r < options.compileRuns; ++r)
    for (int m = 0; m < 2; ++m) {
      CompileSample s;
      compiled[m] = compileSuite(options.suite, modes[m], s);
      samples[m].push_back(s);
      std::fprintf(stderr, "compile %s %ld/%ld: %.2f s\n", modeName(modes[m]), r + 1, options.compileRuns, s.total());
    }
  const ir::Module& module = *compiled[0].module;
  std::vector<SuiteFunction> fns = suiteFunctions(module);
  const size_t numFns = fns.size();
  if (numFns == 0)
    fail("the suite has no benches");
  std::array<size_t, kClasses> classCount{};
  for (const SuiteFunction& f : fns)
    ++classCount[classOf(f)];
  size_t networks = classCount[NetClean] + classCount[NetNoised];
  size_t noised = classCount[OtherNoised] + classCount[NetNoised];
  // The size of each kind: IR instructions of the bench functions and of
  // everything they call (the networks are ~200 float32 ops, each rounded).
  size_t instructions[2] = {0, 0};
  for (const SuiteFunction& f : fns)
    for (uint32_t callee : module.callOrder({f.function}))
      instructions[f.network] += module.functions[callee].body.size();
  std::printf("%zu benches: %zu MLP networks (mean %.0f IR instructions), %zu other (mean %.1f); %zu with noise or "
              "corruption (%zu of them networks)\n\n",
              numFns, networks, networks ? static_cast<double>(instructions[1]) / static_cast<double>(networks) : 0.0,
              numFns - networks,
              numFns > networks ? static_cast<double>(instructions[0]) / static_cast<double>(numFns - networks) : 0.0,
              noised, classCount[NetNoised]);

  std::printf("cold compile of the whole suite: %ld run(s) per math mode, median [min-max]; seconds of %s\n",
              options.compileRuns, clockName());
  std::printf("(one JIT::add of all %zu bench functions; ORC compiles the module at the first lookup)\n", numFns);
  std::printf("%-50s %22s %10s %22s %10s\n", "phase", "exact s", "ms/fn", "vector s", "ms/fn");
  auto compileRow = [&](const char* label, auto field) {
    std::printf("%-50s", label);
    for (int m = 0; m < 2; ++m) {
      std::vector<double> v;
      for (const CompileSample& s : samples[m])
        v.push_back(field(s));
      std::printf(" %22s %10.3f", spreadCell(v, "%.3f").c_str(), median(v) * 1e3 / static_cast<double>(numFns));
    }
    std::printf("\n");
  };
  compileRow("compileToIR (read+parse+sema+IR+IR passes)", [](const CompileSample& s) { return s.frontend; });
  compileRow("JIT::create", [](const CompileSample& s) { return s.create; });
  compileRow("JIT::add (findc IR -> LLVM IR + O2)", [](const CompileSample& s) { return s.add; });
  compileRow("first batchEntry (ISel + MC + JIT link, all)", [](const CompileSample& s) { return s.firstLookup; });
  char lookups[64];
  std::snprintf(lookups, sizeof lookups, "other %zu batchEntry lookups", numFns - 1);
  compileRow(lookups, [](const CompileSample& s) { return s.otherLookups; });
  compileRow("total", [](const CompileSample& s) { return s.total(); });
  compileRow("total (wall)", [](const CompileSample& s) { return s.wall; });
  std::printf("first exact run (first compile in the process): %.3f s total, JIT::create %.3f s\n\n",
              samples[0][0].total(), samples[0][0].create);

  // By kind: the networks alone, the rest alone and all again, each into a
  // fresh exact JIT (one run each; the module is the one compiled above), so
  // the sum of the parts can be compared with the whole measured just after.
  if (options.kindSplit) {
    std::printf("by kind, exact, a fresh JIT each, one run; seconds\n");
    std::printf("%-22s %10s %14s %10s %10s\n", "roots", "add", "first lookup", "total", "ms/fn");
    const ir::Module& m = *compiled[0].module;
    double parts = 0;
    for (int kind : {1, 0, 2}) {
      std::vector<uint32_t> roots;
      for (const ir::Bench& bench : m.benches)
        if (kind == 2 || bench.approx.has_value() == (kind == 1))
          roots.push_back(bench.function);
      if (roots.empty())
        continue;
      CompileSample k;
      double t0 = now();
      auto jit = unwrap(JIT::create({.math = MathMode::Exact}), "JIT::create");
      check(jit->add(m, roots), "JIT add");
      double t1 = now();
      (void)unwrap(jit->batchEntry(m.functions[roots[0]].name), "batchEntry");
      double t2 = now();
      for (uint32_t f : roots)
        (void)unwrap(jit->batchEntry(m.functions[f].name), "batchEntry");
      double t3 = now();
      std::string label = std::to_string(roots.size()) + (kind == 1 ? " networks" : kind == 0 ? " other" : " (all)");
      std::printf("%-22s %10.3f %14.3f %10.3f %10.3f\n", label.c_str(), t1 - t0, t2 - t1, t3 - t0,
                  (t3 - t0) * 1e3 / static_cast<double>(roots.size()));
      if (kind != 2)
        parts += t3 - t0;
      else
        std::printf("%-22s %10s %14s %10.3f  (all / parts = %.2f)\n", "networks + other", "", "", parts,
                    (t3 - t0) / parts);
    }
    std::printf("\n");
  }

  // --- 2. the CLI ---------------------------------------------------------------
  if (options.cliRuns > 0 || options.cliAllRuns > 0) {
    char tmpl[] = "/tmp/findc_bench_suite.XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0)
      fail("mkstemp failed");
    close(fd);
    std::string outPath = tmpl;
    std::printf("findc CLI (fork/exec, stdout to a file): seconds, median [min-max]; CPU = the child's user+sys\n");
    std::printf("%-62s %5s %24s %24s %10s\n", "command", "runs", "wall s", "CPU s", "CPU ms/fn");
    auto cliRow = [&](const std::string& label, const std::vector<std::string>& args, size_t nfn, long runs) {
      if (runs <= 0)
        return;
      std::vector<double> wall, cpu;
      for (long r = 0; r < runs; ++r) {
        CliSample s = runCli(args, outPath, nfn);
        wall.push_back(s.wall);
        cpu.push_back(s.cpu);
      }
      std::string perFn = nfn ? num(median(cpu) * 1e3 / static_cast<double>(nfn)) : "-";
      std::printf("%-62s %5ld %24s %24s %10s\n", label.c_str(), runs, spreadCell(wall, "%.3f").c_str(),
                  spreadCell(cpu, "%.3f").c_str(), perFn.c_str());
    };
    std::vector<std::string> base = {options.findc, "eval", options.suite};
    // Warm-up (page cache, dynamic loader): one untimed --help. Then what
    // every invocation pays before evaluating: process start (libLLVM's
    // relocations) and the frontend of the whole file (`check`).
    runCli({options.findc, "eval", "--help"}, outPath, 0);
    cliRow("findc eval --help (process start)", {options.findc, "eval", "--help"}, 0, options.cliRuns);
    cliRow("findc check SUITE (start + compileToIR of the file)", {options.findc, "check", options.suite}, 0,
           options.cliRuns);
    std::vector<std::string> tail = {"--clean", "--find-grid", "--json"};
    std::vector<std::string> one = base;
    one.insert(one.end(), {"--fn", options.cliFunction});
    one.insert(one.end(), tail.begin(), tail.end());
    cliRow("findc eval SUITE --fn " + options.cliFunction + " --clean --find-grid --json", one, 1, options.cliRuns);
    std::vector<std::string> all = base;
    for (const SuiteFunction& f : fns)
      all.insert(all.end(), {"--fn", f.name});
    all.insert(all.end(), tail.begin(), tail.end());
    cliRow("findc eval SUITE --fn (all " + std::to_string(numFns) + ") --clean --find-grid --json", all, numFns,
           options.cliAllRuns);
    std::remove(outPath.c_str());
    std::printf("\n");
  }

  // --- 3. throughput --------------------------------------------------------------
  const size_t n = static_cast<size_t>(options.points);
  const size_t ni = static_cast<size_t>(options.interpPoints);
  std::vector<double> x = grid(n), xi = grid(ni);
  Interpreter interpreter(module);
  const std::vector<BatchEntry>& exactEntries = compiled[0].entries;
  const std::vector<BatchEntry>& vectorEntries = compiled[1].entries;

  std::vector<Engine> engines;
  engines.push_back({"jit-exact", "findc JIT, MathMode::Exact (scalar libm)", false,
                     [&](size_t f, const double* xs, double* ys, size_t count) {
                       exactEntries[f](xs, ys, static_cast<int64_t>(count));
                     }});
  engines.push_back({"jit-vector", vectorEngineNote(), false,
                     [&](size_t f, const double* xs, double* ys, size_t count) {
                       vectorEntries[f](xs, ys, static_cast<int64_t>(count));
                     }});
  // The served functions go through the engine, as `findc eval` (without
  // --clean), the C++ API and the Python module evaluate them.
  DiagnosticEngine engineDiags;
  std::unique_ptr<engine::Suite> served = engine::compileSuite(
      std::make_shared<const SourceFile>(compiled[0].file->path(), compiled[0].file->text()), {}, engineDiags);
  if (!served)
    fail("the engine does not compile the suite");
  std::vector<uint32_t> benchFunctions;
  for (const SuiteFunction& f : fns)
    benchFunctions.push_back(f.function);
  served->prepare(benchFunctions, {});
  engines.push_back({"jit-exact+effects",
                     "engine::evaluateNumbers with effects (seed 0): what `findc eval` without --clean runs",
                     false, [&](size_t f, const double* xs, double* ys, size_t count) {
                       engine::evaluateNumbers(*served, fns[f].function, {xs, count}, {ys, count}, {});
                     }});
  engines.push_back({"interp", "findc reference interpreter, Interpreter::callBatch", true,
                     [&](size_t f, const double* xs, double* ys, size_t count) {
                       interpreter.callBatch(fns[f].function, xs, ys, count);
                     }});
  const size_t base = 0;
  std::printf("throughput: every function at %zu points (interp: %zu) of [-128, 128); %ld rounds, best of %ld "
              "(interp: best of %ld)\n",
              n, ni, options.rounds, options.reps, options.slowReps);
  for (const Engine& e : engines)
    std::printf("  %-18s %s\n", e.name.c_str(), e.note.c_str());

  // Validation at the interpreter's points: jit-exact (with and without
  // effects) must give the interpreter's bits, jit-vector agree to 1e-9.
  bool agree = true;
  {
    std::vector<double> want(ni), got(ni), wantFx(ni);
    size_t exactMismatch = 0, effectsMismatch = 0, vectorOver = 0;
    double vectorWorst = 0;
    std::string vectorWorstName;
    for (size_t f = 0; f < numFns; ++f) {
      engines[3].run(f, xi.data(), want.data(), ni);
      engines[0].run(f, xi.data(), got.data(), ni);
      size_t diff = countDifferent(got.data(), want.data(), ni);
      if (diff) {
        ++exactMismatch;
        std::fprintf(stderr, "WARNING: jit-exact differs from interp on %s at %zu of %zu points\n",
                     fns[f].name.c_str(), diff, ni);
      }
      wantFx = want;
      rt::applyEffects(fns[f].bench->effects, fns[f].key, 0, xi.data(), wantFx.data(), ni);
      engines[2].run(f, xi.data(), got.data(), ni);
      effectsMismatch += countDifferent(got.data(), wantFx.data(), ni) != 0;
      engines[1].run(f, xi.data(), got.data(), ni);
      double rel = maxRelativeDifference(got.data(), want.data(), ni);
      vectorOver += !(rel <= 1e-9);
      if (!(rel <= vectorWorst)) {
        vectorWorst = rel;
        vectorWorstName = fns[f].name;
      }
    }
    std::printf("validation at the interp points: jit-exact bit-identical to interp on %zu of %zu functions; "
                "with effects on %zu of %zu; jit-vector within 1e-9 relative on %zu of %zu (worst %.1e, %s)\n",
                numFns - exactMismatch, numFns, numFns - effectsMismatch, numFns, numFns - vectorOver, numFns,
                vectorWorst, vectorWorstName.empty() ? "-" : vectorWorstName.c_str());
    agree = !exactMismatch && !effectsMismatch && !vectorOver;
    if (!agree)
      std::printf("WARNING: some engines disagree with the interpreter\n");
  }
  std::printf("\n");

  // The engines are timed interleaved, so that a change of machine load
  // (other processes, the host of a VM, the clock frequency) hits them
  // alike: the functions of each class are cut into slices of up to kSlice,
  // and each slice is timed once per engine (the engine order rotating)
  // before the next; a slice's time is its best of K (the fast
  // engines after one untimed warm-up call of the slice), and a class's time
  // is the sum over its slices.
  constexpr size_t kSlice = 25;
  struct Slice {
    Class cls;
    std::vector<size_t> fns;
  };
  std::vector<Slice> slices;
  for (int c = 0; c < kClasses; ++c) {
    Slice slice{Class(c), {}};
    for (size_t f = 0; f < numFns; ++f) {
      if (classOf(fns[f]) != c)
        continue;
      slice.fns.push_back(f);
      if (slice.fns.size() == kSlice) {
        slices.push_back(slice);
        slice.fns.clear();
      }
    }
    if (!slice.fns.empty())
      slices.push_back(slice);
  }
  // seconds[round][engine][class]
  std::vector<double> y(std::max(n, ni));
  using PerClass = std::array<double, kClasses>;
  std::vector<std::vector<PerClass>> seconds(options.rounds, std::vector<PerClass>(engines.size()));
  const long maxReps = std::max(options.reps, options.slowReps);
  for (long r = 0; r < options.rounds; ++r) {
    for (auto& perClass : seconds[r])
      perClass.fill(0);
    for (const Slice& slice : slices) {
      std::vector<double> best(engines.size(), 1e300);
      for (long k = 0; k < maxReps; ++k) {
        for (size_t i = 0; i < engines.size(); ++i) {
          size_t e = (i + static_cast<size_t>(k)) % engines.size();
          const Engine& engine = engines[e];
          if (k >= (engine.slow ? options.slowReps : options.reps))
            continue;
          const double* xs = engine.slow ? xi.data() : x.data();
          size_t count = engine.slow ? ni : n;
          auto pass = [&] {
            for (size_t f : slice.fns)
              engine.run(f, xs, y.data(), count);
          };
          if (k == 0 && !engine.slow)
            pass(); // warm-up
          best[e] = std::min(best[e], timeOnce(pass));
        }
      }
      for (size_t e = 0; e < engines.size(); ++e)
        seconds[r][e][slice.cls] += best[e];
    }
    std::fprintf(stderr, "throughput round %ld/%ld done\n", r + 1, options.rounds);
  }

  // ns per evaluation of group g for engine e in round r.
  auto nsPerEval = [&](long r, size_t e, size_t g) {
    double t = 0;
    size_t fnCount = 0;
    for (int c = 0; c < kClasses; ++c)
      if (kGroups[g].classes[c]) {
        t += seconds[r][e][c];
        fnCount += classCount[c];
      }
    size_t count = engines[e].slow ? ni : n;
    return fnCount ? t * 1e9 / static_cast<double>(fnCount * count) : NAN;
  };
  auto groupSize = [&](size_t g) {
    size_t s = 0;
    for (int c = 0; c < kClasses; ++c)
      s += kGroups[g].classes[c] ? classCount[c] : 0;
    return s;
  };

  const int width = 26, col = 20;
  auto header = [&](const char* first) {
    std::printf("%-*s", width, first);
    for (size_t g = 0; g < kNumGroups; ++g) {
      std::string label = std::string(kGroups[g].name) + " (" + std::to_string(groupSize(g)) + ")";
      std::printf(" %*s", col, label.c_str());
    }
    std::printf("\n");
  };
  auto overRounds = [&](auto value) {
    std::vector<double> v;
    for (long r = 0; r < options.rounds; ++r)
      v.push_back(value(r));
    return v;
  };

  std::printf("ns per evaluation, median over rounds [min-max]; groups: functions (count)\n");
  header("engine");
  for (size_t e = 0; e < engines.size(); ++e) {
    std::printf("%-*s", width, engines[e].name.c_str());
    for (size_t g = 0; g < kNumGroups; ++g)
      std::printf(" %*s", col, spreadCell(overRounds([&](long r) { return nsPerEval(r, e, g); })).c_str());
    std::printf("\n");
  }

  std::printf("\nmillion evaluations per second (median)\n");
  header("engine");
  for (size_t e = 0; e < engines.size(); ++e) {
    std::printf("%-*s", width, engines[e].name.c_str());
    for (size_t g = 0; g < kNumGroups; ++g)
      std::printf(" %*s", col, num(1e3 / median(overRounds([&](long r) { return nsPerEval(r, e, g); }))).c_str());
    std::printf("\n");
  }

  std::printf("\nratios vs jit-exact (time / jit-exact time in the same round; median [min-max] over rounds)\n");
  header("ratio");
  for (size_t e = 0; e < engines.size(); ++e) {
    if (e == base)
      continue;
    std::printf("%-*s", width, (engines[e].name + " / exact").c_str());
    for (size_t g = 0; g < kNumGroups; ++g) {
      std::vector<double> v = overRounds([&](long r) { return nsPerEval(r, e, g) / nsPerEval(r, base, g); });
      std::printf(" %*s", col, spreadCell(v, nullptr, "x").c_str());
    }
    std::printf("\n");
  }

  // The cost of noise: what applyEffects adds per noised evaluation.
  {
    auto added = [&](size_t g) { return overRounds([&](long r) { return nsPerEval(r, 2, g) - nsPerEval(r, 0, g); }); };
    std::vector<double> noiseCost = added(kGroupNoised), cleanCost = added(kGroupOtherClean);
    std::printf("\napplyEffects adds %s ns per evaluation of a noised/corrupted bench and %s ns to one "
                "that is neither a network nor noised (domain check only); median [min-max]\n",
                spreadCell(noiseCost, "%.2f").c_str(), spreadCell(cleanCost, "%.2f").c_str());
  }
  {
    double total = median(overRounds([&](long r) { return nsPerEval(r, 0, 0); })) * 1e-9 *
                   static_cast<double>(numFns * n);
    std::printf("one pass of jit-exact over the suite (%zu evaluations): %.3f s\n", numFns * n, total);
  }
  return agree ? 0 : 3;
}

} // namespace
} // namespace findc::bench

int main(int argc, char** argv) {
  auto options = findc::bench::parseOptions(argc, argv);
  return findc::bench::run(options);
}
