// findc_bench_strings: a generated FIND string suite (`findc suite generate
// --strings N`: benches `sNNNNN(x: str) = strings.ATOM(...)`, atoms and
// compositions of FIND's 69 string atoms from stdlib/strings.fnd) as one
// workload.
//
// 1. Cold compile, by phase, in thread CPU time and wall time: compileToIR
//    (read + parse + sema + IR, the strings library included) without and
//    with the IR passes, JIT::create, one JIT::add of every bench function
//    (exact math; findc IR -> LLVM IR + O2), the first boxedEntry (ORC
//    materializes the whole module) and the other lookups.
// 2. Throughput: every bench on a fixed set of 64 short realistic inputs
//    (words and sentences of 0..40 characters, digits, capitals, whitespace,
//    a few non-ASCII), with the JIT's boxed entry and with the interpreter.
//    Every evaluation is ctx.begin() + one call; the arena is reset after
//    each bench's 64 inputs (its peak is reported). Both engines are first
//    compared on every evaluation (same error, or identical values).
// 3. The baseline: FIND's own Python functions (its string_functions.py,
//    given with --find-python) on the same benches and inputs, in CPython:
//    bench/find_strings_baseline.py --serve, a child process that first
//    checks FIND's outputs against findc's, then times the slices it is
//    sent, so that CPython is a third engine interleaved with the others.
//
// Method as in findc_bench_suite: R rounds; in each, the benches of a group
// (atoms, compositions) are cut into slices of 25 and every slice is timed
// for each engine (order rotating) before the next slice, best of K; a
// group's time is the sum over its slices. Tables show the median over
// rounds and ratios are per-round ratios (median [min-max]).
#include "bench/BenchLLVM.h"
#include "compiler/driver/Compiler.h"
#include "compiler/interp/Interpreter.h"
#include "compiler/jit/JIT.h"
#include "runtime/Strings.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace findc::bench {
namespace {

#ifndef FINDC_BENCH_SOURCE_DIR
#define FINDC_BENCH_SOURCE_DIR "."
#endif

struct Options {
  std::string suite;
  std::string findPython; // FIND's string_functions.py; empty: no baseline
  std::string python = "python3";
  std::string script = FINDC_BENCH_SOURCE_DIR "/bench/find_strings_baseline.py";
  std::string dumpOutputs; // write findc's outputs (JSON) here
  long rounds = 3;
  long reps = 3;     // best-of-K, JIT
  long slowReps = 3; // best-of-K, interpreter
  long pythonReps = 3; // best-of-K, CPython
  long compileRuns = 2;
};

const char* const kHelp = R"(usage: findc_bench_strings --suite FILE [options]

Compiles and evaluates a generated FIND string suite: cold compile by phase
(thread CPU and wall time), then every bench on 64 fixed inputs with the JIT
(boxed entries, exact math) and the interpreter, and, with --find-python,
FIND's own Python functions in CPython on the same benches and inputs as the
baseline (with a check that their outputs agree with findc's).
Make the suite with:
  findc suite generate --strings 1000 --seed 1 -o strings-1000.fnd

  --suite FILE         the suite (required)
  --find-python PATH   FIND's src/make_functions/make_strings/string_functions.py;
                       runs bench/find_strings_baseline.py (CPython) on it
  --python EXE         the Python interpreter (default python3)
  --baseline-script P  default: bench/find_strings_baseline.py in the source tree
  --dump-outputs FILE  write the inputs and findc's outputs as JSON (what the
                       baseline script compares against)
  --rounds R           independent throughput rounds; medians (default 3)
  --reps K             best-of-K for the JIT (default 3)
  --slow-reps K        best-of-K for the interpreter (default 3)
  --python-reps K      best-of-K for CPython (default 3)
  --compile-runs N     cold compiles of the suite (default 2)
  --wall               time throughput with steady_clock instead of thread CPU
                       time (compile phases always show both)
)";

Options parseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (commonOption(arg, kHelp))
      continue;
    bool known = stringOption(argc, argv, i, "suite", o.suite) ||
                 stringOption(argc, argv, i, "find-python", o.findPython) ||
                 stringOption(argc, argv, i, "python", o.python) ||
                 stringOption(argc, argv, i, "baseline-script", o.script) ||
                 stringOption(argc, argv, i, "dump-outputs", o.dumpOutputs) ||
                 intOption(argc, argv, i, "rounds", o.rounds, 1) || intOption(argc, argv, i, "reps", o.reps, 1) ||
                 intOption(argc, argv, i, "slow-reps", o.slowReps, 1) ||
                 intOption(argc, argv, i, "python-reps", o.pythonReps, 1) ||
                 intOption(argc, argv, i, "compile-runs", o.compileRuns, 1);
    if (!known)
      fail("unknown option '" + arg + "' (see --help)");
  }
  if (o.suite.empty())
    fail("--suite FILE is required; make one with `findc suite generate --strings 1000 --seed 1 -o FILE`");
  return o;
}


// ---------------------------------------------------------------------------
// The inputs
// ---------------------------------------------------------------------------

// 64 inputs of the kind FIND's string functions are probed with: words and
// short sentences (0..40 characters, 40 being the longest FIND-like prompt
// here), some digits, capitals and whitespace, a few non-ASCII. Lengths over
// 30 make FIND's number-word lookups raise KeyError, as they do in FIND.
const char* const kInputs[] = {
    "",
    "a",
    "I",
    "7",
    " ",
    "hi",
    "cat",
    "dog",
    "the",
    "zebra",
    "hello",
    "Hello",
    "WORLD",
    "python",
    "banana",
    "racecar",
    "rhythm",
    "queue",
    "Mississippi",
    "apple pie",
    "New York",
    "hello world",
    "Hello World",
    "good morning",
    "The quick brown fox",
    "jumps over the lazy dog",
    "The quick brown fox jumps over the dog",
    "a b c d e f g",
    "one two three four five",
    "Interpretability",
    "benchmark functions",
    "abc123",
    "x1y2z3",
    "2024",
    "0",
    "room 101",
    "Agent 007",
    "42 is the answer",
    "pi = 3.14159",
    "Version 2.0.1 released in May",
    "  leading spaces",
    "trailing spaces  ",
    " both ends ",
    "tab\tseparated",
    "line\nbreak",
    "CamelCaseWord",
    "snake_case_name",
    "UPPER lower MiXeD",
    "e-mail: someone@example.com",
    "What is this?",
    "Yes! No. Maybe...",
    "it's fine",
    "aeiou",
    "AEIOU",
    "bcdfghjklmnp",
    "zzz",
    "Zoo",
    "data science 101",
    "FIND v1 strings",
    "THE END",
    "caf\u00e9",                 // café
    "stra\u00dfe",               // straße
    "na\u00efve r\u00e9sum\u00e9", // naïve résumé
    "se\u00f1or Garc\u00eda",      // señor García
};
constexpr size_t kNumInputs = std::size(kInputs);
static_assert(kNumInputs == 64);

// ---------------------------------------------------------------------------
// 1. Cold compile
// ---------------------------------------------------------------------------

struct Clock2 {
  double cpu = 0, wall = 0;
};
Clock2 clocks() { return {cpuNow(), wallNow()}; }
Clock2 operator-(Clock2 a, Clock2 b) { return {a.cpu - b.cpu, a.wall - b.wall}; }
Clock2 operator+(Clock2 a, Clock2 b) { return {a.cpu + b.cpu, a.wall + b.wall}; }

struct CompileSample {
  Clock2 frontendNoOpt, frontend, create, add, firstLookup, otherLookups;
  // The path to callable code: the optimizing frontend and the JIT.
  Clock2 total() const { return frontend + create + add + firstLookup + otherLookups; }
};

struct Compiled {
  std::unique_ptr<SourceFile> file;
  std::optional<ir::Module> module;
  std::unique_ptr<JIT> jit;
  std::vector<BoxedEntry> entries; // one per bench, in module.benches order
};

std::optional<ir::Module> frontend(const std::string& path, bool optimize, std::unique_ptr<SourceFile>& file) {
  std::string why;
  file = SourceFile::read(path, &why);
  if (!file)
    fail("cannot read '" + path + "': " + why);
  DiagnosticEngine diags;
  auto module = compileToIR(*file, diags, {.optimize = optimize});
  diags.print(std::cerr);
  if (!module)
    fail("the suite does not compile");
  return module;
}

Compiled compileSuite(const std::string& path, CompileSample& s) {
  Compiled c;
  {
    std::unique_ptr<SourceFile> file;
    Clock2 t0 = clocks();
    auto unoptimized = frontend(path, false, file);
    s.frontendNoOpt = clocks() - t0;
  }
  Clock2 t0 = clocks();
  c.module = frontend(path, true, c.file);
  Clock2 t1 = clocks();
  c.jit = unwrap(JIT::create({.math = MathMode::Exact}), "JIT::create");
  Clock2 t2 = clocks();
  std::vector<uint32_t> roots;
  for (const ir::Bench& bench : c.module->benches)
    roots.push_back(bench.function);
  check(c.jit->add(*c.module, roots), "JIT add");
  Clock2 t3 = clocks();
  Clock2 t4 = t3;
  for (size_t i = 0; i < roots.size(); ++i) {
    c.entries.push_back(unwrap(c.jit->boxedEntry(c.module->functions[roots[i]].name), "boxedEntry"));
    if (i == 0)
      t4 = clocks();
  }
  Clock2 t5 = clocks();
  s.frontend = t1 - t0;
  s.create = t2 - t1;
  s.add = t3 - t2;
  s.firstLookup = t4 - t3;
  s.otherLookups = t5 - t4;
  return c;
}

// ---------------------------------------------------------------------------
// 2. Throughput
// ---------------------------------------------------------------------------

struct Outcome {
  Scalar value;
  rt::ErrorKind error = rt::ErrorKind::None;
};

bool sameOutcome(const Outcome& a, const Outcome& b) {
  if (a.error != b.error)
    return false;
  return a.error != rt::ErrorKind::None || a.value.identical(b.value);
}

std::string describe(const Outcome& o) {
  return o.error != rt::ErrorKind::None ? std::string(rt::errorName(o.error)) : formatJson(o.value);
}

// The groups the tables report: FIND's two kinds of string function.
enum Kind { Atom, Composition, kKinds };
const char* const kKindNames[] = {"atoms", "compositions"};

struct SuiteBench {
  std::string name;
  uint32_t function = 0;
  Kind kind = Atom;
};

// One engine: evaluates bench `b` on input `i` in `ctx` (which the caller
// has begun).
struct Engine {
  std::string name;
  std::string note;
  bool slow = false;
  std::function<Scalar(size_t b, const Scalar* arg, rt::Context& ctx)> call;
  size_t peakArena = 0; // largest arena use of one batch (one bench, all inputs)
  size_t peakBench = 0; // the bench of that batch
  double arenaBytes = 0, arenaEvals = 0; // arena use summed over batches, evaluations
};

// Runs bench `b` on every input: ctx.begin() and one call each, then resets
// the arena. `out` (optional) receives the outcomes.
void runBatch(Engine& engine, size_t b, const std::vector<Scalar>& inputs, rt::Context& ctx,
              std::vector<Outcome>* out = nullptr) {
  for (size_t i = 0; i < inputs.size(); ++i) {
    ctx.begin();
    Scalar result = engine.call(b, &inputs[i], ctx);
    if (out)
      (*out)[i] = {result, ctx.errorKind()};
  }
  size_t used = ctx.arena->bytesAllocated();
  if (used > engine.peakArena) {
    engine.peakArena = used;
    engine.peakBench = b;
  }
  engine.arenaBytes += static_cast<double>(used);
  engine.arenaEvals += static_cast<double>(inputs.size());
  if (!out)
    ctx.arena->reset();
}

// JSON of the inputs and findc's outcomes, what find_strings_baseline.py
// compares FIND's against.
void writeOutputs(const std::string& path, const std::string& suite, const std::vector<SuiteBench>& benches,
                  const std::vector<Scalar>& inputs, const std::vector<std::vector<Outcome>>& outcomes) {
  std::ofstream out(path);
  if (!out)
    fail("cannot write '" + path + "'");
  rt::Arena scratch;
  out << "{\"suite\": " << formatJson(Scalar::ofStr(rt::makeStr(scratch, suite)))
      << ",\n\"inputs\": [";
  for (size_t i = 0; i < inputs.size(); ++i)
    out << (i ? ", " : "") << formatJson(inputs[i]);
  out << "],\n\"benches\": [\n";
  for (size_t b = 0; b < benches.size(); ++b) {
    out << "{\"name\": \"" << benches[b].name << "\", \"outputs\": [";
    for (size_t i = 0; i < inputs.size(); ++i) {
      const Outcome& o = outcomes[b][i];
      out << (i ? ", " : "");
      if (o.error != rt::ErrorKind::None)
        out << "{\"error\": \"" << rt::errorName(o.error) << "\"}";
      else
        out << "{\"value\": " << formatJson(o.value) << "}";
    }
    out << "]}" << (b + 1 < benches.size() ? ",\n" : "\n");
  }
  out << "]}\n";
  if (!out)
    fail("cannot write '" + path + "'");
}

// ---------------------------------------------------------------------------
// 3. The CPython baseline
// ---------------------------------------------------------------------------

// bench/find_strings_baseline.py --serve as a child process on two pipes:
// it checks FIND's outputs against findc's (the outputs file), sends its
// report (lines `| TEXT`), the agreement counts (`agree N`, ...) and
// `ready`; then, for each `time NAME...` it gets, it times those benches
// on every input (best of --python-reps, in its own thread CPU time) and
// answers `t SECONDS`. Its stderr passes through.
class PythonBaseline {
public:
  bool start(const Options& options, const std::string& outputsPath) {
    std::vector<std::string> args = {options.python,  options.script, "--serve",
                                     "--find-python", options.findPython,
                                     "--suite",       options.suite,
                                     "--findc-outputs", outputsPath,
                                     "--reps",        std::to_string(options.pythonReps)};
    if (benchClock() == ClockKind::Wall)
      args.push_back("--wall");
    std::vector<char*> argv;
    for (const std::string& a : args)
      argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    // A child that dies makes writes fail (EPIPE) instead of killing us.
    std::signal(SIGPIPE, SIG_IGN);
    int toChild[2], fromChild[2];
    if (pipe2(toChild, O_CLOEXEC) != 0 || pipe2(fromChild, O_CLOEXEC) != 0)
      fail("pipe2 failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, toChild[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], STDOUT_FILENO);
    std::fflush(stdout);
    std::fflush(stderr);
    int err = posix_spawnp(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(toChild[0]);
    close(fromChild[1]);
    if (err != 0) {
      close(toChild[1]);
      close(fromChild[0]);
      pid_ = 0;
      std::fprintf(stderr, "WARNING: cannot run %s: %s; no CPython baseline\n", options.python.c_str(),
                   std::strerror(err));
      return false;
    }
    in_ = fdopen(fromChild[0], "r");
    out_ = fdopen(toChild[1], "w");
    std::string line;
    while (readLine(line)) {
      if (line == "ready")
        return true;
      std::istringstream words(line);
      std::string key;
      words >> key;
      if (key == "|")
        std::printf("%s\n", line.size() > 2 ? line.c_str() + 2 : "");
      else if (key == "agree")
        words >> agree;
      else if (key == "agree_errors")
        words >> agreeErrors;
      else if (key == "mismatches")
        words >> mismatches;
      else if (key == "evaluations")
        words >> evaluations;
    }
    std::fprintf(stderr, "WARNING: %s ended before it was ready; no CPython baseline\n", options.script.c_str());
    stop();
    return false;
  }

  // Seconds FIND's functions take for `names` on every input (best of K).
  double time(const std::vector<std::string>& names) {
    std::string command = "time";
    for (const std::string& n : names)
      command += " " + n;
    command += "\n";
    std::string line;
    if (std::fputs(command.c_str(), out_) < 0 || std::fflush(out_) != 0 || !readLine(line) || line.rfind("t ", 0) != 0)
      fail("the CPython baseline stopped answering (got '" + line + "')");
    return std::strtod(line.c_str() + 2, nullptr);
  }

  void stop() {
    if (out_) {
      std::fputs("quit\n", out_);
      std::fclose(out_);
      out_ = nullptr;
    }
    if (in_) {
      std::fclose(in_);
      in_ = nullptr;
    }
    if (pid_ > 0) {
      int status = 0;
      waitpid(pid_, &status, 0);
      pid_ = 0;
    }
  }
  ~PythonBaseline() { stop(); }

  long agree = 0, agreeErrors = 0, mismatches = 0, evaluations = 0;

private:
  bool readLine(std::string& line) {
    line.clear();
    char buf[4096];
    while (std::fgets(buf, sizeof buf, in_)) {
      line += buf;
      if (!line.empty() && line.back() == '\n') {
        line.pop_back();
        return true;
      }
    }
    return !line.empty();
  }

  pid_t pid_ = 0;
  FILE* in_ = nullptr;
  FILE* out_ = nullptr;
};

std::string tempPath(const char* stem) {
  std::string tmpl = std::string("/tmp/") + stem + ".XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd < 0)
    fail("mkstemp failed");
  close(fd);
  return buf.data();
}

int run(Options& options) {
  std::printf("findc_bench_strings: %s; throughput in %s\n", options.suite.c_str(), clockName());

  // --- 1. cold compile --------------------------------------------------------
  std::vector<CompileSample> samples;
  Compiled compiled;
  for (long r = 0; r < options.compileRuns; ++r) {
    CompileSample s;
    compiled = compileSuite(options.suite, s);
    samples.push_back(s);
    std::fprintf(stderr, "compile %ld/%ld: %.2f s\n", r + 1, options.compileRuns, s.total().cpu);
  }
  const ir::Module& module = *compiled.module;
  std::vector<SuiteBench> benches;
  std::array<size_t, kKinds> kindCount{};
  for (const ir::Bench& bench : module.benches) {
    SuiteBench b;
    b.name = module.functions[bench.function].name;
    b.function = bench.function;
    b.kind = bench.category.find("composition") != std::string::npos ? Composition : Atom;
    ++kindCount[b.kind];
    benches.push_back(std::move(b));
  }
  const size_t numBenches = benches.size();
  if (numBenches == 0)
    fail("the suite has no benches");
  for (const SuiteBench& b : benches) {
    const ir::Function& fn = module.functions[b.function];
    if (fn.params.size() != 1 || fn.params[0].type != Type::Str)
      fail("bench " + b.name + " does not take one str; not a string suite");
  }
  size_t instructions = 0, libraryFns = 0;
  {
    std::vector<uint32_t> roots;
    for (const SuiteBench& b : benches)
      roots.push_back(b.function);
    std::vector<uint32_t> all = module.callOrder(roots);
    for (uint32_t f : all)
      instructions += module.functions[f].body.size();
    libraryFns = all.size() - roots.size();
  }
  std::printf("%zu benches: %zu atoms, %zu compositions; they call %zu library functions; %zu IR instructions "
              "in all (optimized)\n\n",
              numBenches, kindCount[Atom], kindCount[Composition], libraryFns, instructions);

  std::printf("cold compile of the whole suite: %ld run(s), median [min-max]; seconds, thread CPU | wall\n",
              options.compileRuns);
  std::printf("(exact math; one JIT::add with all %zu bench functions as roots; ORC compiles the module at the first "
              "lookup)\n",
              numBenches);
  std::printf("%-48s %22s %22s %9s\n", "phase", "CPU s", "wall s", "CPU ms/fn");
  auto compileRow = [&](const char* label, auto field) {
    std::vector<double> cpu, wall;
    for (const CompileSample& s : samples) {
      cpu.push_back(field(s).cpu);
      wall.push_back(field(s).wall);
    }
    std::printf("%-48s %22s %22s %9.3f\n", label, spreadCell(cpu, "%.3f").c_str(), spreadCell(wall, "%.3f").c_str(),
                median(cpu) * 1e3 / static_cast<double>(numBenches));
  };
  compileRow("compileToIR, optimize=false (read+parse+sema+IR)",
             [](const CompileSample& s) { return s.frontendNoOpt; });
  compileRow("compileToIR, optimize=true (+ IR passes)", [](const CompileSample& s) { return s.frontend; });
  compileRow("JIT::create", [](const CompileSample& s) { return s.create; });
  compileRow("JIT::add (findc IR -> LLVM IR + O2)", [](const CompileSample& s) { return s.add; });
  compileRow("first boxedEntry (ISel + MC + JIT link, all)", [](const CompileSample& s) { return s.firstLookup; });
  char lookups[64];
  std::snprintf(lookups, sizeof lookups, "other %zu boxedEntry lookups", numBenches - 1);
  compileRow(lookups, [](const CompileSample& s) { return s.otherLookups; });
  compileRow("total (optimize=true frontend + JIT)", [](const CompileSample& s) { return s.total(); });
  std::printf("first run (first compile in the process): %.3f s CPU, %.3f s wall\n\n", samples[0].total().cpu,
              samples[0].total().wall);

  // --- 2. throughput ------------------------------------------------------------
  rt::Arena inputArena; // the inputs, alive for the whole run
  std::vector<Scalar> inputs;
  size_t inputChars = 0, maxLen = 0, nonAscii = 0;
  for (const char* text : kInputs) {
    const rt::Str* s = rt::makeStr(inputArena, text);
    inputs.push_back(Scalar::ofStr(s));
    inputChars += static_cast<size_t>(s->length);
    maxLen = std::max(maxLen, static_cast<size_t>(s->length));
    nonAscii += s->length != s->bytes;
  }
  const size_t numInputs = inputs.size();

  Interpreter interpreter(module);
  std::vector<Engine> engines;
  engines.push_back({"jit", "findc JIT, boxed entry (exact math)", false,
                     [&](size_t b, const Scalar* arg, rt::Context& ctx) {
                       Scalar result;
                       compiled.entries[b](&ctx, arg, &result);
                       return result;
                     }});
  engines.push_back({"interp", "findc reference interpreter, Interpreter::call", true,
                     [&](size_t b, const Scalar* arg, rt::Context& ctx) {
                       return interpreter.call(benches[b].function, std::span<const Scalar>(arg, 1), ctx);
                     }});
  constexpr size_t kJit = 0, kInterp = 1, kPython = 2;

  // Validation: the JIT against the interpreter on every evaluation.
  rt::Arena arena;
  rt::Context ctx{&arena};
  std::vector<std::vector<Outcome>> outcomes(numBenches, std::vector<Outcome>(numInputs));
  bool agree = true;
  {
    rt::Arena arenaI;
    rt::Context ctxI{&arenaI};
    std::vector<Outcome> want(numInputs);
    std::map<std::string, size_t> errorCounts;
    size_t mismatched = 0, mismatchedBenches = 0, printed = 0;
    for (size_t b = 0; b < numBenches; ++b) {
      // The JIT's outcomes stay in `arena` until the outputs file is written.
      runBatch(engines[kJit], b, inputs, ctx, &outcomes[b]);
      runBatch(engines[kInterp], b, inputs, ctxI, &want);
      size_t before = mismatched;
      for (size_t i = 0; i < numInputs; ++i) {
        const Outcome& got = outcomes[b][i];
        if (got.error != rt::ErrorKind::None)
          ++errorCounts[std::string(rt::errorName(got.error))];
        if (sameOutcome(got, want[i]))
          continue;
        ++mismatched;
        if (printed++ < 10)
          std::fprintf(stderr, "WARNING: %s(%s): jit %s, interp %s\n", benches[b].name.c_str(),
                       rt::pythonRepr(kInputs[i]).c_str(), describe(got).c_str(), describe(want[i]).c_str());
      }
      mismatchedBenches += mismatched != before;
      arenaI.reset();
    }
    size_t total = numBenches * numInputs;
    size_t errors = 0;
    std::string kinds;
    for (const auto& [name, count] : errorCounts) {
      errors += count;
      kinds += (kinds.empty() ? "" : ", ") + name + " " + std::to_string(count);
    }
    std::printf("validation: jit and interp agree on %zu of %zu evaluations (%zu of %zu benches); %zu of them are "
                "errors (%s), where FIND raises\n",
                total - mismatched, total, numBenches - mismatchedBenches, numBenches, errors,
                kinds.empty() ? "none" : kinds.c_str());
    agree = mismatched == 0;
    if (!agree)
      std::printf("WARNING: the JIT and the interpreter disagree\n");
  }
  std::string outputsPath = options.dumpOutputs;
  bool tempOutputs = false;
  if (!options.findPython.empty() && outputsPath.empty()) {
    outputsPath = tempPath("findc_bench_strings_outputs");
    tempOutputs = true;
  }
  if (!outputsPath.empty())
    writeOutputs(outputsPath, options.suite, benches, inputs, outcomes);
  arena.reset();
  for (Engine& e : engines) { // count the timed batches only
    e.peakArena = e.peakBench = 0;
    e.arenaBytes = e.arenaEvals = 0;
  }

  // The baseline: FIND's functions in CPython, a third engine timed slice by
  // slice with the others.
  PythonBaseline python;
  bool havePython = false;
  if (!options.findPython.empty()) {
    std::printf("\nCPython baseline: %s --serve --find-python %s\n", options.script.c_str(),
                options.findPython.c_str());
    havePython = python.start(options, outputsPath);
    if (havePython)
      engines.push_back({"cpython",
                         "FIND's own functions (its string_functions.py) in CPython, called as FIND's generated "
                         "code calls them; best of " + std::to_string(options.pythonReps),
                         false, nullptr});
  }
  if (tempOutputs)
    std::remove(outputsPath.c_str());
  std::printf("\n");

  // Slices of up to kSlice benches of one kind. Each slice is timed for
  // every engine (the order rotating by slice and repetition) before the
  // next, so that load changes hit the engines alike; a slice's time is its
  // best of K (the JIT after one untimed warm-up pass; CPython's best of K is
  // taken in the child, in its own thread CPU time).
  constexpr size_t kSlice = 25;
  struct Slice {
    Kind kind;
    std::vector<size_t> benches;
    std::vector<std::string> names;
  };
  std::vector<Slice> slices;
  for (int k = 0; k < kKinds; ++k) {
    Slice slice{Kind(k), {}, {}};
    for (size_t b = 0; b < numBenches; ++b) {
      if (benches[b].kind != k)
        continue;
      slice.benches.push_back(b);
      slice.names.push_back(benches[b].name);
      if (slice.benches.size() == kSlice) {
        slices.push_back(slice);
        slice.benches.clear();
        slice.names.clear();
      }
    }
    if (!slice.benches.empty())
      slices.push_back(slice);
  }
  std::printf("throughput: every bench on %zu inputs (0..%zu characters, mean %.1f; %zu non-ASCII); %ld rounds, "
              "best of %ld (interp: best of %ld) per slice of %zu benches, engines interleaved slice by slice\n",
              numInputs, maxLen, static_cast<double>(inputChars) / static_cast<double>(numInputs), nonAscii,
              options.rounds, options.reps, options.slowReps, kSlice);
  std::printf("one evaluation = Context::begin + one call; the arena is reset after each bench's %zu inputs\n",
              numInputs);
  for (const Engine& e : engines)
    std::printf("  %-8s %s\n", e.name.c_str(), e.note.c_str());
  std::printf("\n");

  auto repsOf = [&](size_t e) { return e == kPython ? 1 : engines[e].slow ? options.slowReps : options.reps; };
  using PerKind = std::array<double, kKinds>;
  std::vector<std::vector<PerKind>> seconds(options.rounds, std::vector<PerKind>(engines.size()));
  const long maxReps = std::max(options.reps, options.slowReps);
  for (long r = 0; r < options.rounds; ++r) {
    for (auto& perKind : seconds[r])
      perKind.fill(0);
    for (size_t si = 0; si < slices.size(); ++si) {
      const Slice& slice = slices[si];
      std::vector<double> best(engines.size(), 1e300);
      for (long k = 0; k < maxReps; ++k) {
        for (size_t i = 0; i < engines.size(); ++i) {
          size_t e = (i + si + static_cast<size_t>(k)) % engines.size();
          if (k >= repsOf(e))
            continue;
          if (e == kPython) {
            best[e] = python.time(slice.names);
            continue;
          }
          Engine& engine = engines[e];
          auto pass = [&] {
            for (size_t b : slice.benches)
              runBatch(engine, b, inputs, ctx);
          };
          if (k == 0 && !engine.slow)
            pass(); // warm-up
          best[e] = std::min(best[e], timeOnce(pass));
        }
      }
      for (size_t e = 0; e < engines.size(); ++e)
        seconds[r][e][slice.kind] += best[e];
    }
    std::fprintf(stderr, "throughput round %ld/%ld done\n", r + 1, options.rounds);
  }
  python.stop();

  // --- tables ---------------------------------------------------------------------
  // Groups: all, atoms, compositions.
  constexpr size_t kGroups = 1 + kKinds;
  auto groupName = [&](size_t g) {
    size_t count = g == 0 ? numBenches : kindCount[g - 1];
    return std::string(g == 0 ? "all" : kKindNames[g - 1]) + " (" + std::to_string(count) + ")";
  };
  auto groupEvals = [&](size_t g) {
    return static_cast<double>((g == 0 ? numBenches : kindCount[g - 1]) * numInputs);
  };
  auto nsPerEval = [&](long r, size_t e, size_t g) {
    const PerKind& t = seconds[r][e];
    return (g == 0 ? t[Atom] + t[Composition] : t[g - 1]) * 1e9 / groupEvals(g);
  };
  auto overRounds = [&](auto value) {
    std::vector<double> v;
    for (long r = 0; r < options.rounds; ++r)
      v.push_back(value(r));
    return v;
  };

  const int width = 22, col = 22;
  auto header = [&](const char* first) {
    std::printf("%-*s", width, first);
    for (size_t g = 0; g < kGroups; ++g)
      std::printf(" %*s", col, groupName(g).c_str());
    std::printf("\n");
  };
  std::printf("ns per evaluation, median over rounds [min-max]; groups: benches (count)\n");
  header("engine");
  for (size_t e = 0; e < engines.size(); ++e) {
    std::printf("%-*s", width, engines[e].name.c_str());
    for (size_t g = 0; g < kGroups; ++g)
      std::printf(" %*s", col, spreadCell(overRounds([&](long r) { return nsPerEval(r, e, g); })).c_str());
    std::printf("\n");
  }

  std::printf("\nthousand evaluations (strings) per second (median)\n");
  header("engine");
  for (size_t e = 0; e < engines.size(); ++e) {
    std::printf("%-*s", width, engines[e].name.c_str());
    for (size_t g = 0; g < kGroups; ++g)
      std::printf(" %*s", col, num(1e6 / median(overRounds([&](long r) { return nsPerEval(r, e, g); }))).c_str());
    std::printf("\n");
  }

  std::printf("\nratios (time / time in the same round; median [min-max] over rounds)\n");
  header("ratio");
  auto ratioRow = [&](size_t a, size_t b) {
    std::printf("%-*s", width, (engines[a].name + " / " + engines[b].name).c_str());
    for (size_t g = 0; g < kGroups; ++g) {
      std::vector<double> v = overRounds([&](long r) { return nsPerEval(r, a, g) / nsPerEval(r, b, g); });
      std::printf(" %*s", col, spreadCell(v, nullptr, "x").c_str());
    }
    std::printf("\n");
  };
  ratioRow(kInterp, kJit);
  if (havePython) {
    ratioRow(kJit, kPython);
    ratioRow(kInterp, kPython);
    ratioRow(kPython, kJit);
  }

  std::printf("\narena (bytes handed out, reset after each bench's %zu inputs):\n", numInputs);
  for (size_t e : {kJit, kInterp})
    std::printf("  %-8s peak %zu bytes in one batch (%s), mean %.0f bytes per evaluation\n",
                engines[e].name.c_str(), engines[e].peakArena, benches[engines[e].peakBench].name.c_str(),
                engines[e].arenaEvals ? engines[e].arenaBytes / engines[e].arenaEvals : 0.0);
  {
    double total = median(overRounds([&](long r) { return nsPerEval(r, kJit, 0); })) * 1e-9 * groupEvals(0);
    std::printf("one pass of the jit over the suite (%zu evaluations): %.4f s\n", numBenches * numInputs, total);
  }
  if (havePython)
    std::printf("FIND's outputs (CPython) vs findc's: %ld of %ld agree (%ld of them the same error), %ld mismatches\n",
                python.agree, python.evaluations, python.agreeErrors, python.mismatches);
  return agree && (!havePython || python.mismatches == 0) ? 0 : 3;
}

} // namespace
} // namespace findc::bench

int main(int argc, char** argv) {
  auto options = findc::bench::parseOptions(argc, argv);
  return findc::bench::run(options);
}
