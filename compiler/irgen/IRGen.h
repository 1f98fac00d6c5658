// IR generation: a checked AST -> findc IR. Makes every implicit conversion
// explicit, binds default arguments, and expands chained comparisons.
#pragma once

#include "compiler/ast/AST.h"
#include "compiler/ir/IR.h"

namespace findc {

// `module` must have passed semantic analysis.
ir::Module generateIR(const ast::Module& module);

} // namespace findc
