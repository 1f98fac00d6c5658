// IR generation: a checked AST -> findc IR. Makes every implicit conversion
// explicit, binds default arguments, and expands chained comparisons.
#pragma once

#include "compiler/ast/AST.h"
#include "compiler/ir/IR.h"

#include <vector>

namespace findc {

// `module` must have passed semantic analysis. Library functions are
// generated when called, and those in `libraryRoots` in any case.
ir::Module generateIR(const ast::Module& module, const std::vector<const ast::FuncDecl*>& libraryRoots = {});

} // namespace findc
