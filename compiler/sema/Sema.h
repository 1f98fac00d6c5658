// Semantic analysis: resolves names and calls, checks and infers types
// (int promotes to real), binds call arguments to parameters, rejects
// recursion, and folds constants and default values. Decorates the AST in
// place; reports every error it can find in one run.
#pragma once

#include "compiler/ast/AST.h"
#include "compiler/support/Diagnostics.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace findc {

// Functions of analyzed library modules by qualified name ("numeric.sin").
using LibraryTable = std::map<std::string, const ast::FuncDecl*, std::less<>>;

// The most calls one evaluation may nest: evaluation recurses once per call
// (the interpreter's run, a native frame in compiled code) on the caller's
// thread, which may have an ordinary stack (8 MiB or less). Measured per
// level: the interpreter ~450 bytes, compiled code ~8 bytes per value live
// across the call (32 to 800 bytes in practice), so 256 levels stay well
// within 1 MiB. A deeper chain is an error at the call that goes past it.
inline constexpr uint32_t kMaxCallDepth = 256;

// Returns true when the module is well-formed. `libraries` resolves calls
// of the form `LIBRARY.NAME(...)`.
bool analyzeModule(ast::Module& module, DiagnosticEngine& diags, const LibraryTable* libraries = nullptr);

// The builtin function and constant names, for documentation and tests.
std::vector<std::string_view> builtinFunctionNames();
std::vector<std::string_view> builtinConstantNames();

} // namespace findc
