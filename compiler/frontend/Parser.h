// The front end: .fnd source text -> AST. The only stage that sees ANTLR.
#pragma once

#include "compiler/ast/AST.h"
#include "compiler/support/Diagnostics.h"

#include <memory>

namespace findc {

// Returns null after reporting syntax errors to `diags`.
std::unique_ptr<ast::Module> parseModule(const SourceFile& file, DiagnosticEngine& diags);

} // namespace findc
