// The Python front end's second half: a parsed hypothesis (PyAST.h) -> the
// findc AST that semantic analysis checks, as if it had been written in .fnd.
//
//   1. imports and top-level statements: `import math`, `import numpy as
//      np`, `from math import sqrt`, `import scipy.special`; constants
//      (`A = 2.5`) are inlined where read; any other top-level statement
//      (test loops, prints) is skipped with a warning, unless a function
//      reads a name only it binds (an error);
//   2. the entry: FIND's rule (the name after the last "def " in the text)
//      or the one asked for; the functions it calls, transitively;
//   3. types by inference, Python's types: bool, int, float, NumPy's
//      float64 (its own operator rules), complex (a float or a complex),
//      str, list[str], list[int], dict[str, str]. The entry's first
//      parameter is a float or a str (the suite's kind); other parameters
//      take the join of what the callers pass and their defaults; a local
//      the join of everything assigned to it;
//   4. lowering with Python's semantics: float `/`, `//`, `%`, `**` raise
//      as CPython (py_div, py_floordiv, py_mod, py_pow), `math.f` raises
//      ValueError/OverflowError (py_math), NumPy's functions and float64
//      operators give nan and inf (IEEE), `min`/`max` keep Python's
//      first-wins order, a function that can end without `return` returns
//      an error value there (Python's None, printed None).
// docs/python-frontend.md lists the subset and every difference from
// CPython. Data flows one way: nothing here reaches back into the parser.
#pragma once

#include "compiler/ast/AST.h"
#include "compiler/frontend/python/PyAST.h"
#include "compiler/support/Diagnostics.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace findc::py {

struct HypothesisOptions {
  // What the entry's first parameter receives: a Python float (numeric
  // functions) or a str (string functions).
  enum class Input : uint8_t { Real, Str } input = Input::Real;
  // The entry; empty: FIND's rule (entryByFindsRule).
  std::string entry;
};

// FIND's scorer's choice of the function to call: the text after the last
// "def " up to the next "(" (`code.rsplit('def ')[-1].rsplit('(')[0]`),
// without surrounding blanks; nothing if the text has no "def ".
std::optional<std::string> entryByFindsRule(std::string_view text);

// The findc module of `module` (parsed from `file`), or null after reporting
// errors to `diags` (warnings for skipped statements go there too).
std::unique_ptr<ast::Module> lowerHypothesis(const Module& module, const SourceFile& file,
                                             const HypothesisOptions& options, DiagnosticEngine& diags);

} // namespace findc::py
