// findc_bench_eval: batch evaluation throughput. Evaluates each function of
// bench/BenchFunctions.h at N points (default 10^6, evenly spaced over
// [-10, 10]) with every engine and prints ns/point plus ratios against the
// hand-written C++ baseline measured in the same run.
//
// Method: every engine's result is first checked against the interpreter
// (the reference semantics). Then, for R rounds, each (function, engine) pair
// is timed best-of-K (thread CPU time, or steady_clock with --wall); the
// ns/point table holds the median over rounds of those minima, and each ratio
// is the median over rounds of the per-round ratio, so a noisy round moves
// neither much.
#include "bench/BenchFunctions.h"
#include "bench/BenchLLVM.h"
#include "compiler/driver/Compiler.h"
#include "compiler/interp/Interpreter.h"
#include "compiler/jit/JIT.h"

#if FINDC_BENCH_HAVE_MUPARSER
#include <muParser.h>
#endif

#include <dlfcn.h> // dlsym: omp_set_num_threads

#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#if FINDC_BENCH_HAVE_C_LIBMVEC
// bench/LibmvecC.c: gcc -O3 -march=native -ffast-math, glibc's libmvec.
extern "C" {
void findc_bench_c_libmvec_poly(const double* x, double* y, int64_t n);
void findc_bench_c_libmvec_sine(const double* x, double* y, int64_t n);
void findc_bench_c_libmvec_rational(const double* x, double* y, int64_t n);
}
#endif

namespace findc::bench {
namespace {

#if FINDC_BENCH_HAVE_C_LIBMVEC
// The C + libmvec baseline of each benchmark function, by name.
const std::map<std::string, BatchFn> kCLibmvec = {{"poly", findc_bench_c_libmvec_poly},
                                                  {"sine", findc_bench_c_libmvec_sine},
                                                  {"rational", findc_bench_c_libmvec_rational}};
#endif

// The vector JIT's goal (issue 12): at most this many times the time of C
// with libmvec at -march=native, per function, measured in the same run.
constexpr double kVectorGoal = 1.1;
constexpr const char* kCLibmvecName = "c libmvec";

struct Options {
  long points = 1000000;
  long reps = 5;       // best-of-K for the compiled engines
  long slowReps = 2;   // best-of-K for the interpreter and muparser
  long rounds = 3;
  double lo = -10, hi = 10;
};

const char* const kHelp = R"(usage: findc_bench_eval [--points N] [--reps K] [--slow-reps K] [--rounds R] [--range A:B] [--wall]

Times batch evaluation of the benchmark functions (bench/BenchFunctions.h) at
N evenly spaced points in [A, B] (default [-10, 10]) with: hand-written C++ (-O2, and -O2
-march=native), C with glibc's libmvec (gcc -O3 -march=native -ffast-math),
the findc JIT (exact, vector and fast math), the findc interpreter and
muparser. Prints ns/point, ratios against the C++ baseline, and the fast JIT
(-ffast-math's contract) against C with libmvec (the goal: within 1.1x).

  --points N     points per batch (default 1000000)
  --reps K       best-of-K timing for the fast engines (default 5)
  --slow-reps K  best-of-K for the interpreter and muparser (default 2)
  --rounds R     independent rounds; tables report medians (default 3)
  --range A:B    the input interval (default -10:10)
  --wall         time with steady_clock instead of thread CPU time
)";

Options parseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (commonOption(arg, kHelp))
      continue;
    if (arg == "--range" || arg.rfind("--range=", 0) == 0) {
      std::string text = arg == "--range" ? (i + 1 < argc ? argv[++i] : "") : arg.substr(8);
      if (std::sscanf(text.c_str(), "%lf:%lf", &options.lo, &options.hi) != 2 || !(options.lo <= options.hi))
        fail("--range expects A:B with A <= B, got '" + text + "'");
      continue;
    }
    if (!intOption(argc, argv, i, "points", options.points) && !intOption(argc, argv, i, "reps", options.reps) &&
        !intOption(argc, argv, i, "slow-reps", options.slowReps) &&
        !intOption(argc, argv, i, "rounds", options.rounds))
      fail("unknown option '" + arg + "' (see --help)");
  }
  return options;
}

#if FINDC_BENCH_HAVE_MUPARSER
// Debian's libmuparser is built with OpenMP, so its bulk Eval would use every
// core. Every other engine here is single-threaded; so is muparser, for a
// per-core comparison. (OMP_NUM_THREADS=1 does the same from outside.)
bool limitOpenMPToOneThread() {
  using SetThreads = void (*)(int);
  auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
  if (set)
    set(1);
  return set != nullptr;
}
#endif

using Batch = std::function<void(const double* x, double* y, size_t n)>;

struct Engine {
  std::string name;
  std::string note;
  bool slow = false;
  std::vector<Batch> run; // one per benchmark function
};

constexpr size_t kNumFunctions = std::size(kBenchFunctions);


size_t countBitIdentical(const std::vector<double>& a, const std::vector<double>& b) {
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i)
    same += std::memcmp(&a[i], &b[i], sizeof(double)) == 0;
  return same;
}

std::string formatRatio(double r) {
  char buf[32];
  if (r >= 100)
    std::snprintf(buf, sizeof buf, "%.0fx", r);
  else if (r >= 10)
    std::snprintf(buf, sizeof buf, "%.1fx", r);
  else
    std::snprintf(buf, sizeof buf, "%.2fx", r);
  return buf;
}

void printHeader(const char* first, int width) {
  std::printf("%-*s", width, first);
  for (const BenchFunction& fn : kBenchFunctions)
    std::printf(" %10s", fn.name);
  std::printf("\n");
}

int run(const Options& options) {
  const size_t n = static_cast<size_t>(options.points);

  // --- compile the functions once -----------------------------------------
  std::string source;
  for (const BenchFunction& fn : kBenchFunctions)
    source += fndDefinition(fn, fn.name);
  SourceFile file("bench.fnd", source);
  DiagnosticEngine diags;
  std::optional<ir::Module> module = compileToIR(file, diags);
  diags.print(std::cerr);
  if (!module)
    fail("the benchmark functions do not compile");
  std::vector<uint32_t> index;
  for (const BenchFunction& fn : kBenchFunctions)
    index.push_back(*module->find(fn.name));

  auto jitExact = unwrap(JIT::create({.math = MathMode::Exact}), "JIT::create(exact)");
  auto jitVector = unwrap(JIT::create({.math = MathMode::Vector}), "JIT::create(vector)");
  auto jitFast = unwrap(JIT::create({.math = MathMode::Fast}), "JIT::create(fast)");
  check(jitExact->add(*module), "JIT add (exact)");
  check(jitVector->add(*module), "JIT add (vector)");
  check(jitFast->add(*module), "JIT add (fast)");
  Interpreter interpreter(*module);

  // --- inputs: numpy.linspace(lo, hi, n) -----------------------------------
  std::vector<double> x(n);
  for (size_t i = 0; i < n; ++i)
    x[i] = n > 1 ? options.lo + (options.hi - options.lo) * static_cast<double>(i) / static_cast<double>(n - 1)
                 : options.lo;

  // --- engines -------------------------------------------------------------
  std::vector<Engine> engines;
  auto wrap = [](BatchFn f) -> Batch {
    return [f](const double* xs, double* ys, size_t count) { f(xs, ys, static_cast<int64_t>(count)); };
  };
  Engine cpp{"c++ -O2", "hand-written, separate TU, g++ -O2 (x86-64 baseline ISA), scalar libm", false, {}};
  Engine native{"c++ -O2 native", "the same TU at -O2 -march=native", false, {}};
  Engine exact{"jit-exact", "findc JIT, MathMode::Exact (libm's bits, bit-identical to interp)", false, {}};
  Engine vector{"jit-vector", vectorEngineNote(), false, {}};
  Engine fast{"jit-fast", "findc JIT, MathMode::Fast (vector + reassociation: Horner, fma)", false, {}};
  Engine interp{"interp", "findc reference interpreter, Interpreter::callBatch", true, {}};
  for (size_t f = 0; f < kNumFunctions; ++f) {
    const BenchFunction& fn = kBenchFunctions[f];
    cpp.run.push_back(wrap(fn.cppGeneric));
    native.run.push_back(wrap(fn.cppNative));
    exact.run.push_back(wrap(unwrap(jitExact->batchEntry(fn.name), "batchEntry(exact)")));
    vector.run.push_back(wrap(unwrap(jitVector->batchEntry(fn.name), "batchEntry(vector)")));
    fast.run.push_back(wrap(unwrap(jitFast->batchEntry(fn.name), "batchEntry(fast)")));
    uint32_t i = index[f];
    interp.run.push_back(
        [&interpreter, i](const double* xs, double* ys, size_t count) { interpreter.callBatch(i, xs, ys, count); });
  }
  engines = {cpp, native, exact, vector, fast, interp};
#if FINDC_BENCH_HAVE_C_LIBMVEC
  Engine cLibmvec{kCLibmvecName, "C, gcc -O3 -march=native -ffast-math: glibc libmvec at the widest ISA", false, {}};
  for (const BenchFunction& fn : kBenchFunctions)
    cLibmvec.run.push_back(wrap(kCLibmvec.at(fn.name)));
  engines.push_back(cLibmvec);
#else
  std::printf("gcc or libmvec not found at configure time: the C + libmvec row is skipped\n");
#endif

#if FINDC_BENCH_HAVE_MUPARSER
  bool openmp = limitOpenMPToOneThread();
  // Bulk mode: DefineVar binds x to the array and Eval(results, n) reads
  // x[i] for result i, so one call evaluates the whole batch.
  std::vector<std::unique_ptr<mu::Parser>> parsers;
  Engine mup{"muparser", "", true, {}};
  mup.note = std::string("muparser ") + mu::ParserVersion.c_str() +
             ", bulk mode: DefineVar(x array) + Eval(results, n)" +
             (openmp ? ", OpenMP limited to 1 thread" : "");
  try {
    for (const BenchFunction& fn : kBenchFunctions) {
      auto parser = std::make_unique<mu::Parser>();
      parser->DefineVar("x", x.data());
      parser->SetExpr(fn.muparser);
      mu::Parser* p = parser.get();
      const double* bound = x.data();
      mup.run.push_back([p, bound](const double* xs, double* ys, size_t count) {
        if (xs != bound)
          fail("muparser is bound to another input array");
        p->Eval(ys, static_cast<int>(count));
      });
      parsers.push_back(std::move(parser));
    }
  } catch (mu::Parser::exception_type& e) {
    fail("muparser: " + e.GetMsg() + " in '" + e.GetExpr() + "'");
  }
  engines.push_back(mup);
#else
  std::printf("muparser not found at configure time: its row is skipped\n");
#endif

  std::printf("findc_bench_eval: %zu points in [%g, %g], %ld rounds, best of %ld (interp, muparser: best of %ld), "
              "%s\n\n",
              n, options.lo, options.hi, options.rounds, options.reps, options.slowReps, clockName());
  std::printf("functions:\n");
  for (const BenchFunction& fn : kBenchFunctions)
    std::printf("  %-9s %-44s def %s(x: real) -> real = %s\n", fn.name, fn.what, fn.name, fn.fndBody);
  std::printf("engines:\n");
  for (const Engine& e : engines)
    std::printf("  %-15s %s\n", e.name.c_str(), e.note.c_str());
  std::printf("\n");

  // --- validate: every engine against the interpreter ----------------------
  std::vector<double> reference(n), y(n);
  const int width = 16;
  std::printf("validation: max relative difference vs interp (denominator floored at 1e-3 of max |y|)\n");
  printHeader("engine", width);
  bool agree = true;
  std::vector<std::string> bitNotes;
  for (const Engine& e : engines) {
    if (e.name == "interp")
      continue;
    std::printf("%-*s", width, e.name.c_str());
    for (size_t f = 0; f < kNumFunctions; ++f) {
      interp.run[f](x.data(), reference.data(), n);
      std::fill(y.begin(), y.end(), NAN);
      e.run[f](x.data(), y.data(), n);
      double diff = maxRelativeDifference(y, reference);
      std::printf(" %10.1e", diff);
      if (!(diff <= 1e-9)) {
        agree = false;
        std::fprintf(stderr, "WARNING: %s disagrees with interp on %s: max relative difference %.3g\n",
                     e.name.c_str(), kBenchFunctions[f].name, diff);
      }
      if (e.name == "jit-exact") {
        size_t same = countBitIdentical(y, reference);
        if (same != n)
          bitNotes.push_back(std::string("WARNING: jit-exact is not bit-identical to interp on ") +
                             kBenchFunctions[f].name + ": " + std::to_string(n - same) + " of " +
                             std::to_string(n) + " points differ");
      }
    }
    std::printf("\n");
  }
  for (const std::string& note : bitNotes)
    std::fprintf(stderr, "%s\n", note.c_str());
  std::printf("%s\n\n", agree ? (bitNotes.empty() ? "all engines agree to 1e-9; jit-exact is bit-identical to interp"
                                                  : "all engines agree to 1e-9")
                              : "WARNING: some engines disagree (see above)");

  // --- time ------------------------------------------------------------------
  // nsPerPoint[round][engine][function]
  std::vector<std::vector<std::vector<double>>> nsPerPoint(
      options.rounds, std::vector<std::vector<double>>(engines.size(), std::vector<double>(kNumFunctions)));
  for (long r = 0; r < options.rounds; ++r) {
    for (size_t f = 0; f < kNumFunctions; ++f) {
      for (size_t e = 0; e < engines.size(); ++e) {
        const Batch& batch = engines[e].run[f];
        batch(x.data(), y.data(), n); // warm-up: page in, warm caches and predictors
        double seconds = bestOf(engines[e].slow ? options.slowReps : options.reps,
                                [&] { batch(x.data(), y.data(), n); });
        nsPerPoint[r][e][f] = seconds * 1e9 / static_cast<double>(n);
      }
    }
    std::fprintf(stderr, "round %ld/%ld done\n", r + 1, options.rounds);
  }

  auto engineIndex = [&](const std::string& name) -> std::optional<size_t> {
    for (size_t e = 0; e < engines.size(); ++e)
      if (engines[e].name == name)
        return e;
    return std::nullopt;
  };
  // Median over rounds of per-round a/b.
  auto ratio = [&](size_t a, size_t b, size_t f) {
    std::vector<double> values;
    for (long r = 0; r < options.rounds; ++r)
      values.push_back(nsPerPoint[r][a][f] / nsPerPoint[r][b][f]);
    return median(values);
  };

  std::printf("ns/point (median over rounds of best-of-K)\n");
  printHeader("engine", width);
  for (size_t e = 0; e < engines.size(); ++e) {
    std::printf("%-*s", width, engines[e].name.c_str());
    for (size_t f = 0; f < kNumFunctions; ++f) {
      std::vector<double> values;
      for (long r = 0; r < options.rounds; ++r)
        values.push_back(nsPerPoint[r][e][f]);
      std::printf(" %10.2f", median(values));
    }
    std::printf("\n");
  }

  size_t base = *engineIndex("c++ -O2");
  std::printf("\nratios vs c++ -O2, the hand-written baseline (time / baseline time; <1 is faster)\n");
  const int ratioWidth = 28;
  printHeader("ratio", ratioWidth);
  for (size_t e = 0; e < engines.size(); ++e) {
    if (e == base)
      continue;
    std::printf("%-*s", ratioWidth, (engines[e].name + " / c++").c_str());
    for (size_t f = 0; f < kNumFunctions; ++f)
      std::printf(" %10s", formatRatio(ratio(e, base, f)).c_str());
    std::printf("\n");
  }

  std::printf("\nother ratios (a / b: how many times slower a is than b)\n");
  printHeader("ratio", ratioWidth);
  const std::pair<const char*, const char*> pairs[] = {
      {"muparser", "jit-exact"},  {"muparser", "jit-vector"}, {"interp", "jit-exact"},
      {"muparser", "interp"},     {"jit-exact", "jit-vector"}, {"jit-exact", "c++ -O2 native"},
      {"jit-vector", "c++ -O2 native"}, {"jit-vector", kCLibmvecName}, {"jit-vector", "jit-fast"},
  };
  for (const auto& [a, b] : pairs) {
    auto ia = engineIndex(a), ib = engineIndex(b);
    if (!ia || !ib)
      continue;
    std::printf("%-*s", ratioWidth, (std::string(a) + " / " + b).c_str());
    for (size_t f = 0; f < kNumFunctions; ++f)
      std::printf(" %10s", formatRatio(ratio(*ia, *ib, f)).c_str());
    std::printf("\n");
  }

  // The goal, per function: the median over rounds of the same-round ratio,
  // for the findc mode with the baseline's contract (-ffast-math, which
  // reassociates: GCC evaluates poly in Horner's form, and so does jit-fast).
  if (auto v = engineIndex("jit-fast"), c = engineIndex(kCLibmvecName); v && c) {
    std::printf("\ngoal: jit-fast / %s <= %.1fx, per function (median of same-round ratios)\n", kCLibmvecName,
                kVectorGoal);
    for (size_t f = 0; f < kNumFunctions; ++f) {
      double r = ratio(*v, *c, f);
      std::printf("  %-9s %6.2fx  %s\n", kBenchFunctions[f].name, r, r <= kVectorGoal ? "met" : "not met");
    }
  }
  return agree ? 0 : 3;
}

} // namespace
} // namespace findc::bench

int main(int argc, char** argv) {
  auto options = findc::bench::parseOptions(argc, argv);
  return findc::bench::run(options);
}
