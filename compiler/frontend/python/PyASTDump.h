// py::Module as text, for tests: the same line tests/python-frontend/ast_dump.py
// prints for CPython's tree of the same source (see that script for the
// format), so the two can be compared character for character.
#pragma once

#include "compiler/frontend/python/PyAST.h"

#include <string>

namespace findc::py {

// One line, ending in '\n'.
std::string dumpPython(const Module& module);

} // namespace findc::py
