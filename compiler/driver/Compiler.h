// The compilation pipeline up to our IR: parse -> sema -> IR generation ->
// verification -> IR optimization. What the CLI, tests and benchmarks share.
#pragma once

#include "compiler/ast/AST.h"
#include "compiler/ir/IR.h"
#include "compiler/support/Diagnostics.h"
#include "findc/Options.hpp"

#include <optional>

namespace findc {

struct CompileOptions {
  bool optimize = true;
  // Generate every standard library function, called or not (as
  // LIBRARY.NAME), for `findc eval --stdlib` and tests.
  bool allLibraryFunctions = false;
  // The language of the file, and for a Python hypothesis its input and entry.
  SourceOptions source = {};
};

// Whether the source at `path` is read as a Python hypothesis under `options`.
inline bool isPythonSource(std::string_view path, const SourceOptions& options) {
  return options.language == Language::Python || (options.language == Language::Auto && path.ends_with(".py"));
}

// The parsed and checked AST (`findc emit --stage ast`), or null after
// reporting errors. Its calls point into the standard library, which is
// parsed once per process and shared by every compilation.
std::unique_ptr<ast::Module> compileToAST(const SourceFile& file, DiagnosticEngine& diags,
                                          const SourceOptions& source = {});

// Returns the module, or nothing after reporting errors to `diags`.
std::optional<ir::Module> compileToIR(const SourceFile& file, DiagnosticEngine& diags,
                                      const CompileOptions& options = {});

} // namespace findc
