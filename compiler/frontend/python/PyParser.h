// The Python front end's parser: a hypothesis's source text -> py::Module
// (PyAST.h). The only stage of the Python front end that sees ANTLR.
#pragma once

#include "compiler/frontend/python/PyAST.h"
#include "compiler/support/Diagnostics.h"

#include <memory>

namespace findc::py {

// Returns null after reporting to `diags` the first error, located, as
// CPython reports one: a syntax error, bad indentation, an unterminated
// string, a construct outside the subset ("'class' is not supported in
// hypotheses"), or nesting too deep for the stages that recurse over the tree.
std::unique_ptr<Module> parsePython(const SourceFile& file, DiagnosticEngine& diags);

} // namespace findc::py
