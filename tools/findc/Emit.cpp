// findc emit: every stage of the pipeline, as MLIR Toy's -emit=.
#include "compiler/ast/ASTPrinter.h"
#include "compiler/codegen/Codegen.h"
#include "compiler/driver/Compiler.h"
#include "compiler/frontend/python/PyASTDump.h"
#include "compiler/frontend/python/PyParser.h"
#include "compiler/pyemit/PythonEmitter.h"
#include "tools/findc/Load.h"

#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace findc {
namespace {

const char* const kHelp = R"(usage: findc emit FILE [--fn NAME] --stage STAGE [options]

Prints one stage of the compilation of NAME (of every function when --fn is
absent), in pipeline order:

  --stage ast           the checked syntax tree: every node with its location,
                        its type and what each name and call resolved to
  --stage ir            findc IR as generated from the checked source
  --stage ir-opt        findc IR after the IR passes (inline, fold, CSE, DCE)
  --stage entry         the specialized entry point f(x) that both engines
                        run: x bound, defaults bound, every call inlined,
                        simplified (functions callable with one number);
                        with --math fast, its polynomials in Horner's form
                        as the JIT compiles them
  --stage llvm          LLVM IR as generated, before LLVM's passes
  --stage llvm-opt      LLVM IR after -O2
  --stage asm           native assembly for this host
  --stage python        a standalone Python 3 module that prints what
                        `findc call` prints (FIND's function_code.py frame),
                        the bench's noise and corruption included
  --stage py-ast        for a Python hypothesis (FILE.py): its syntax tree,
                        as tests/python-frontend/ast_dump.py prints CPython's

options:
  --math exact|vector|fast
                        as for eval (the entry, llvm, llvm-opt and asm stages)
  --ir, --llvm, --asm   older spellings of --stage ir-opt, llvm-opt and asm;
  --no-opt              with --ir or --llvm, the stage before optimization
  --python              short for --stage python
  --seed N, --first-query K, --clean
                        with --stage python, as for call: the seed and first
                        query written into the module, or no effects
  --lang py|fnd, --input real|str
                        for a Python hypothesis, as for eval
  --out-dir DIR         with --stage python, write DIR/NAME.py for every --fn
                        (every function of FILE without --fn) instead of
                        printing the one --fn
)";

std::string printIR(const ir::Module& module, const std::vector<uint32_t>& roots) {
  if (roots.empty())
    return ir::print(module);
  std::string out;
  std::vector<uint32_t> order = module.callOrder(roots);
  for (size_t i = 0; i < order.size(); ++i)
    out += (i ? "\n" : "") + ir::print(module, module.functions[order[i]]);
  return out;
}

// The entry points both engines run, of `roots` or of every unary function.
std::string printEntries(const engine::Suite& suite, const std::vector<uint32_t>& roots, MathMode math) {
  std::string out;
  for (uint32_t f : roots.empty() ? suite.visible() : roots) {
    const ir::Function& fn = suite.function(f);
    if (!fn.hasUnaryEntry()) {
      if (!roots.empty())
        throw UsageError("'" + fn.name + "' has no unary entry (it needs a context or parameters without defaults); "
                         "it runs through its boxed or checked batch entry, which call the function as in --stage ir-opt");
      continue;
    }
    ir::Module entry;
    entry.functions.push_back(compiledEntry(suite.module(), f, math));
    out += (out.empty() ? "" : "\n") + ir::print(entry, entry.functions[0]);
  }
  return out;
}

int emitAST(const Options& options) {
  DiagnosticEngine diags;
  std::shared_ptr<const SourceFile> file = engine::readSource(options.positional[0], diags);
  std::unique_ptr<ast::Module> module = file ? compileToAST(*file, diags, loadOptions(options).source) : nullptr;
  diags.print(std::cerr);
  if (!module)
    return kExitCompileError;
  if (options.function().empty()) {
    fmt::print("{}", ast::print(*module));
    return kExitOk;
  }
  for (const auto& fn : module->functions)
    if (fn->name == options.function()) {
      fmt::print("{}", ast::print(*fn));
      return kExitOk;
    }
  throw UsageError("no function named '" + options.function() + "'");
}

// --stage py-ast: the Python front end's tree of FILE.py.
int emitPythonAST(const Options& options) {
  const std::string& path = options.positional[0];
  if (!path.ends_with(".py"))
    throw UsageError("--stage py-ast reads a Python file (FILE.py)");
  DiagnosticEngine diags;
  std::shared_ptr<const SourceFile> file = engine::readSource(path, diags);
  std::unique_ptr<py::Module> module = file ? py::parsePython(*file, diags) : nullptr;
  diags.print(std::cerr);
  if (!module)
    return kExitCompileError;
  fmt::print("{}", py::dumpPython(*module));
  return kExitOk;
}

// --stage python: one module on stdout, or one file per function.
int emitPythonStage(const Options& options, const engine::Suite& suite) {
  const ir::Module& module = suite.module();
  pyemit::PythonEmitOptions python{.effects = options.effects.apply,
                                   .seed = options.effects.seed,
                                   .firstQuery = options.effects.firstQuery,
                                   .frame = pyemit::PythonEmitOptions::Frame::Call};
  auto checked = [&](uint32_t f) {
    if (std::optional<std::string> blocker = pyemit::pythonEmitBlocker(module, f))
      throw UsageError(*blocker);
    return f;
  };
  if (!options.outDir) {
    if (options.functions.size() != 1)
      throw UsageError("--stage python writes one function: give one --fn NAME, or --out-dir DIR for a file per "
                       "function");
    fmt::print("{}", pyemit::emitPython(module, checked(suite.resolve(options.function())), python));
    return kExitOk;
  }
  std::vector<uint32_t> functions;
  for (const std::string& name : options.functions)
    functions.push_back(checked(suite.resolve(name)));
  if (options.functions.empty()) // every function that can be called with one input
    for (uint32_t f : suite.visible())
      if (!pyemit::pythonEmitBlocker(module, f))
        functions.push_back(f);
  std::filesystem::path dir(*options.outDir);
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error)
    throw UsageError("cannot create --out-dir '" + dir.string() + "': " + error.message());
  for (uint32_t f : functions) {
    std::filesystem::path file = dir / (module.functions[f].name + ".py");
    std::ofstream out(file, std::ios::binary);
    out << pyemit::emitPython(module, f, python);
    if (!out.flush())
      throw UsageError("cannot write '" + file.string() + "'");
  }
  return kExitOk;
}

int run(const Options& options) {
  if (options.positional.size() != 1)
    throw UsageError("emit needs exactly one FILE");
  if (options.stage.empty())
    throw UsageError("emit needs --stage ast|ir|ir-opt|entry|llvm|llvm-opt|asm|python|py-ast");
  if (options.stage != "python")
    for (const char* option : {"--seed", "--first-query", "--clean", "--out-dir"})
      if (options.seen.count(option))
        throw UsageError(std::string(option) + " applies to --stage python");
  Options emitting = options;
  emitting.load.engine = Engine::Interpreter; // nothing runs
  if (options.stage == "ast")
    return emitAST(options);
  if (options.stage == "py-ast")
    return emitPythonAST(options);
  // The entry stage starts from the IR as generated, as eval does.
  bool optimizeIR = options.stage != "ir" && options.stage != "entry";
  auto suite = loadSuite(emitting, options.positional[0], optimizeIR);
  if (!suite)
    return kExitCompileError;
  if (options.stage == "python")
    return emitPythonStage(options, *suite);
  std::vector<uint32_t> roots;
  if (!options.function().empty())
    roots.push_back(suite->resolve(options.function()));
  const ir::Module& module = suite->module();
  if (options.stage == "ir" || options.stage == "ir-opt") {
    fmt::print("{}", printIR(module, roots));
    return kExitOk;
  }
  if (options.stage == "entry") {
    fmt::print("{}", printEntries(*suite, roots, options.load.math));
    return kExitOk;
  }
  auto target = orThrow(createHostTargetMachine());
  llvm::LLVMContext context;
  // What the JIT would run here (exact mode's exp, sin and cos: this libm's).
  std::unique_ptr<llvm::Module> llvmModule =
      emitLLVM(module, context, *target, roots, options.load.math, {}, hostLibmInlining(*target));
  if (options.stage != "llvm")
    optimizeModule(*llvmModule, *target, options.load.math);
  if (options.stage == "asm")
    fmt::print("{}", orThrow(emitAssembly(*llvmModule, *target)));
  else
    fmt::print("{}", printModule(*llvmModule));
  return kExitOk;
}

} // namespace

const Command kEmitCommand = {"emit", kHelp, run, {"--lang", "--input", "--fn", "--stage", "--ir", "--llvm", "--asm", "--python", "--no-opt", "--math",
                                                  "--seed", "--first-query", "--clean", "--out-dir"}};

} // namespace findc
