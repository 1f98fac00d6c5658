// A text dump of the AST, one node per line, indented by depth, in the
// manner of `clang -ast-dump`: the node kind, its source position <L:C>,
// its essential fields, the type Sema gave it (`: real`) and what Sema
// resolved it to (a name's binding, a call's target) in parentheses.
// Works on a parsed-only AST too: what Sema has not filled in is left out.
// The output is deterministic (no addresses), for tests and
// `findc emit --stage ast`.
#pragma once

#include "compiler/ast/AST.h"

#include <string>

namespace findc::ast {

// The whole module, declarations in source order; a bench's function is
// printed once, as its BenchDecl with its clauses.
std::string print(const Module& module);

// One function declaration (a bench's function prints as a plain FuncDecl:
// its clauses live in the module's BenchDecl).
std::string print(const FuncDecl& function);

} // namespace findc::ast
