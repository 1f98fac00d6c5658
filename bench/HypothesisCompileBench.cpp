// findc_bench_hypotheses: where the compile time of an agent's Python
// hypothesis goes, phase by phase, for every file of a directory (default
// tests/hypotheses/numeric), into a JIT that already exists:
//   parse     the Python parser (ANTLR) -> PyAST
//   lower     PyAST -> findc AST (types inferred)
//   sema      semantic analysis of that AST
//   irgen     findc IR: generation, verification, IR passes
//   emit      findc IR -> LLVM IR (the entries JitBackend::prepare asks for)
//   optimize  the LLVM pipeline the JIT runs first (codegen's optimizeModule
//             at firstTier)
//   codegen   instruction selection and machine code (an object file of a
//             copy of the optimized module, outside the JIT, at the
//             engine's first tier: firstTier, quick in exact math)
//   link      JIT add + lookup minus codegen: ORC's materialization, JIT
//             link, symbol resolution
// and `engine` (a separate compile of the same file): what bench/
// hypotheses_bench.py's findc.compile + compile_all costs, JIT::create
// included.
#include "bench/BenchLLVM.h"
#include "compiler/driver/Compiler.h"
#include "compiler/frontend/python/PyLower.h"
#include "compiler/frontend/python/PyParser.h"
#include "compiler/ir/Passes.h"
#include "compiler/irgen/IRGen.h"
#include "compiler/jit/JIT.h"
#include "engine/Compile.h"
#include "engine/Evaluate.h"
#include "engine/Suite.h"

#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/PassTimingInfo.h>
#include <llvm/Pass.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Transforms/Utils/Cloning.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace findc::bench {
namespace {

const char* const kHelp = R"(usage: findc_bench_hypotheses [DIR] [--runs N] [--wall] [--verbose] [--vector]
                              [--time-passes]

Compile time of each Python hypothesis in DIR (default the source tree's
tests/hypotheses/numeric), by phase: the median over N runs (default 5) per
file, then the median and maximum over files. --verbose prints every file.
--time-passes adds LLVM's report of the time in each pass (-time-passes),
summed over every compile of the run.
)";

// The phases of one compile into an existing JIT, then what the engine pays
// besides (measured apart).
constexpr const char* kPhases[] = {"parse", "lower", "sema", "irgen", "emit", "optimize", "codegen", "link"};
constexpr const char* kEnginePhases[] = {"jit", "suite", "prepare", "engine"};

std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Seconds of instruction selection and machine code for `module` (a copy:
// the JIT compiles the original again).
double codegenSeconds(const llvm::Module& module, llvm::TargetMachine& target) {
  std::unique_ptr<llvm::Module> copy = llvm::CloneModule(module);
  llvm::SmallString<4096> object;
  llvm::raw_svector_ostream os(object);
  llvm::legacy::PassManager passes;
  if (target.addPassesToEmitFile(passes, os, nullptr, llvm::CodeGenFileType::ObjectFile))
    fail("the target cannot emit objects");
  return timeOnce([&] { passes.run(*copy); });
}

std::map<std::string, double> compileOnce(const std::filesystem::path& path, const std::string& text, JIT& jit,
                                          llvm::TargetMachine& target, MathMode math, int serial) {
  std::map<std::string, double> t;
  SourceFile file(path.string(), text);
  DiagnosticEngine diags;
  // parse and lower alone, then the whole front end to the checked AST.
  double parseStart = now();
  std::unique_ptr<py::Module> python = py::parsePython(file, diags);
  t["parse"] = now() - parseStart;
  if (!python)
    fail("cannot parse " + path.string());
  t["lower"] = timeOnce([&] { py::lowerHypothesis(*python, file, {}, diags); });
  std::unique_ptr<ast::Module> ast;
  double astSeconds = timeOnce([&] { ast = compileToAST(file, diags); });
  if (!ast) {
    diags.print(std::cerr);
    fail("cannot compile " + path.string());
  }
  t["sema"] = std::max(0.0, astSeconds - t["parse"] - t["lower"]);
  ir::Module module;
  t["irgen"] = timeOnce([&] {
    module = generateIR(*ast);
    if (!ir::verify(module).empty())
      fail("invalid IR");
    ir::optimize(module);
  });
  // The entry FIND calls under a fresh name, so each run adds new symbols.
  uint32_t entry = static_cast<uint32_t>(module.functions.size());
  for (uint32_t f = 0; f < module.functions.size(); ++f)
    if (module.functions[f].name.find('.') == std::string::npos)
      entry = f;
  if (entry == module.functions.size())
    fail("no entry in " + path.string());
  for (ir::Function& fn : module.functions)
    fn.name += "_" + std::to_string(serial);
  // The entry compile_all asks for (engine::addEntryPoints): the batch
  // entry, else the checked batch entry, else the boxed one.
  EntryPoints entries;
  const ir::Function& function = module.functions[entry];
  (function.hasUnaryEntry() ? entries.unary : function.hasCheckedBatchEntry() ? entries.checked : entries.boxed)
      .push_back(entry);

  auto context = std::make_unique<llvm::LLVMContext>();
  std::unique_ptr<llvm::Module> llvmModule;
  t["emit"] = timeOnce([&] { llvmModule = emitEntryPoints(module, *context, target, entries, math); });
  t["optimize"] = timeOnce([&] { optimizeModule(*llvmModule, target, math, firstTier(math)); });
  t["codegen"] = codegenSeconds(*llvmModule, target);
  // The JIT runs its own optimizeModule; add (JIT-side O2 again) is timed
  // apart from the lookup that materializes.
  double jitSeconds = timeOnce([&] {
    check(jit.addEntries(module, entries), "JIT add");
    const std::string& name = module.functions[entry].name;
    if (!entries.unary.empty())
      unwrap(jit.batchEntry(name), "batchEntry");
    else if (!entries.checked.empty())
      unwrap(jit.checkedBatchEntry(name), "checkedBatchEntry");
    else
      unwrap(jit.boxedEntry(name), "boxedEntry");
  });
  t["link"] = std::max(0.0, jitSeconds - t["emit"] - t["optimize"] - t["codegen"]);
  t["jit"] = timeOnce([&] { unwrap(JIT::create({.math = math, .tier = firstTier(math)}), "JIT::create"); });
  // What the Python module pays: a Suite (its own JIT) + compile_all.
  LoadOptions options;
  options.math = math;
  std::shared_ptr<const engine::Suite> suite;
  t["suite"] = timeOnce([&] { suite = engine::compileOrThrow(text, path.string(), options); });
  t["prepare"] = timeOnce([&] {
    engine::EntryPointLists lists;
    for (uint32_t f : suite->visible())
      engine::addEntryPoints(*suite, f, /*explicitParams=*/false, lists);
    suite->prepare(lists.unary, lists.boxed, lists.checked);
  });
  t["engine"] = t["suite"] + t["prepare"];
  return t;
}

int run(int argc, char** argv) {
  std::filesystem::path dir = std::filesystem::path(FINDC_BENCH_SOURCE_DIR) / "tests/hypotheses/numeric";
  long runs = 5;
  bool verbose = false;
  MathMode math = MathMode::Exact;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (commonOption(arg, kHelp) || intOption(argc, argv, i, "runs", runs))
      continue;
    if (arg == "--verbose")
      verbose = true;
    else if (arg == "--time-passes")
      llvm::TimePassesIsEnabled = true;
    else if (arg == "--vector")
      math = MathMode::Vector;
    else if (arg.starts_with("--"))
      fail("unknown option '" + arg + "' (see --help)");
    else
      dir = arg;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& item : std::filesystem::directory_iterator(dir))
    if (item.path().extension() == ".py")
      files.push_back(item.path());
  std::sort(files.begin(), files.end());
  if (files.empty())
    fail("no .py files in " + dir.string());

  auto jit = unwrap(JIT::create({.math = math, .tier = firstTier(math)}), "JIT::create");
  auto target = unwrap(createHostTargetMachine(codeGenLevel(firstTier(math))), "target");
  int serial = 0;
  compileOnce(files[0], readText(files[0]), *jit, *target, math, serial++); // LLVM's one-time setup
  std::map<std::string, std::vector<double>> perFile; // phase -> median per file (ms)
  std::vector<double> totals;
  for (const auto& path : files) {
    std::string text = readText(path);
    std::map<std::string, std::vector<double>> samples;
    for (long r = 0; r < runs; ++r)
      for (auto& [phase, seconds] : compileOnce(path, text, *jit, *target, math, serial++))
        samples[phase].push_back(seconds * 1e3);
    double total = 0;
    for (const char* phase : kPhases) {
      perFile[phase].push_back(median(samples[phase]));
      total += perFile[phase].back();
    }
    for (const char* phase : kEnginePhases)
      perFile[phase].push_back(median(samples[phase]));
    totals.push_back(total);
    if (verbose) {
      std::printf("%-34s", path.filename().c_str());
      for (const char* phase : kPhases)
        std::printf(" %s %.2f", phase, median(samples[phase]));
      std::printf("  total %.2f ms;", total);
      for (const char* phase : kEnginePhases)
        std::printf(" %s %.2f", phase, median(samples[phase]));
      std::printf("\n");
    }
  }
  std::printf("%zu files, %ld runs each, %s, %s math; ms, median [max] over files of each file's median\n",
              files.size(), runs, clockName(), math == MathMode::Vector ? "vector" : "exact");
  auto row = [](const char* name, const std::vector<double>& values, const char* note) {
    std::printf("  %-9s %7.3f [%7.3f]%s\n", name, median(values), *std::max_element(values.begin(), values.end()), note);
  };
  for (const char* phase : kPhases)
    row(phase, perFile[phase], "");
  row("total", totals, "  (parse .. link, into an existing JIT)");
  row("jit", perFile["jit"], "  (JIT::create)");
  row("suite", perFile["suite"], "  (engine::compileOrThrow: front end + JIT::create)");
  row("prepare", perFile["prepare"], "  (Suite::prepare of what compile_all compiles)");
  row("engine", perFile["engine"], "  (suite + prepare: findc.compile + compile_all)");
  if (llvm::TimePassesIsEnabled)
    llvm::reportAndResetTimings(); // instruction selection; the IR passes' report follows at exit
  return 0;
}

} // namespace
} // namespace findc::bench

int main(int argc, char** argv) { return findc::bench::run(argc, argv); }
