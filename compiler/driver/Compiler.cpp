#include "compiler/driver/Compiler.h"

#include "compiler/frontend/Parser.h"
#include "compiler/frontend/python/PyLower.h"
#include "compiler/frontend/python/PyParser.h"
#include "compiler/ir/Passes.h"
#include "compiler/irgen/IRGen.h"
#include "compiler/sema/Sema.h"
#include "stdlib/Stdlib.h"

namespace findc {
namespace {

bool verified(const ir::Module& module, const SourceFile& file, DiagnosticEngine& diags, const char* stage) {
  std::vector<std::string> problems = ir::verify(module);
  for (const std::string& problem : problems)
    diags.report({Severity::Error, &file, {}, 0, std::string("internal error: invalid IR after ") + stage + ": " + problem});
  return problems.empty();
}

// The parsed and checked standard library: user modules' ASTs point into it.
// Its text is compiled into the program, so it is parsed once per process and
// never changes afterwards: compilations on any thread share it read-only.
struct Stdlib {
  std::vector<std::unique_ptr<SourceFile>> files;
  std::vector<std::unique_ptr<ast::Module>> modules;
  LibraryTable table;
  // A problem in the stdlib is a bug in findc: its diagnostics, rendered
  // with the stdlib's own locations, reported by every compilation.
  std::vector<std::string> errors;
};

Stdlib parseStdlib() {
  Stdlib stdlib;
  for (const StdlibModule& source : stdlibModules()) {
    auto file = std::make_unique<SourceFile>(std::string(source.path), std::string(source.text));
    DiagnosticEngine local;
    std::unique_ptr<ast::Module> module = parseModule(*file, local);
    if (module) {
      module->libraryName = std::string(source.name);
      for (auto& fn : module->functions)
        fn->library = module->libraryName;
      analyzeModule(*module, local, &stdlib.table);
    }
    if (local.hasErrors()) {
      for (const Diagnostic& d : local.diagnostics())
        stdlib.errors.push_back("internal error in the standard library: " + DiagnosticEngine::render(d));
      return stdlib;
    }
    for (auto& fn : module->functions)
      stdlib.table.emplace(module->libraryName + "." + fn->name, fn.get());
    stdlib.files.push_back(std::move(file));
    stdlib.modules.push_back(std::move(module));
  }
  return stdlib;
}

const Stdlib& sharedStdlib() {
  static const Stdlib stdlib = parseStdlib(); // thread-safe initialization
  return stdlib;
}

} // namespace

std::unique_ptr<ast::Module> compileToAST(const SourceFile& file, DiagnosticEngine& diags,
                                          const SourceOptions& source) {
  const Stdlib& stdlib = sharedStdlib();
  for (const std::string& error : stdlib.errors)
    diags.error(error);
  if (!stdlib.errors.empty())
    return nullptr;
  std::unique_ptr<ast::Module> ast;
  if (isPythonSource(file.path(), source)) {
    std::unique_ptr<py::Module> python = py::parsePython(file, diags);
    py::HypothesisOptions hypothesis{source.input == SourceOptions::Input::Str ? py::HypothesisOptions::Input::Str
                                                                              : py::HypothesisOptions::Input::Real,
                                     source.entry};
    ast = python ? py::lowerHypothesis(*python, file, hypothesis, diags) : nullptr;
  } else {
    ast = parseModule(file, diags);
  }
  if (!ast || !analyzeModule(*ast, diags, &stdlib.table))
    return nullptr;
  return ast;
}

std::optional<ir::Module> compileToIR(const SourceFile& file, DiagnosticEngine& diags, const CompileOptions& options) {
  std::unique_ptr<ast::Module> ast = compileToAST(file, diags, options.source);
  if (!ast)
    return std::nullopt;
  const Stdlib& stdlib = sharedStdlib();
  std::vector<const ast::FuncDecl*> libraryRoots;
  if (options.allLibraryFunctions)
    for (const auto& library : stdlib.modules)
      for (const auto& fn : library->functions)
        libraryRoots.push_back(fn.get());
  ir::Module module = generateIR(*ast, libraryRoots);
  if (!verified(module, file, diags, "IR generation"))
    return std::nullopt;
  if (options.optimize) {
    ir::optimize(module);
    if (!verified(module, file, diags, "optimization"))
      return std::nullopt;
  }
  return module;
}

} // namespace findc
