#include "compiler/driver/Compiler.h"

#include "compiler/frontend/Parser.h"
#include "compiler/ir/Passes.h"
#include "compiler/irgen/IRGen.h"
#include "compiler/sema/Sema.h"

namespace findc {
namespace {

bool verified(const ir::Module& module, const SourceFile& file, DiagnosticEngine& diags, const char* stage) {
  std::vector<std::string> problems = ir::verify(module);
  for (const std::string& problem : problems)
    diags.report({Severity::Error, &file, {}, 0, std::string("internal error: invalid IR after ") + stage + ": " + problem});
  return problems.empty();
}

} // namespace

std::optional<ir::Module> compileToIR(const SourceFile& file, DiagnosticEngine& diags, const CompileOptions& options) {
  std::unique_ptr<ast::Module> ast = parseModule(file, diags);
  if (!ast || !analyzeModule(*ast, diags))
    return std::nullopt;
  ir::Module module = generateIR(*ast);
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
