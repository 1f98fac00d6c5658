// The signatures of a module, without bodies, in a compact binary form: what
// a compiled artifact (engine/Artifact.h) records next to its native code so
// that it evaluates, formats and lists its functions without the source.
// Per function: name, parameters (with number or bool defaults), result
// type and the flags codegen decided entry points by; per bench: everything.
// Bodies are left out (they are the function's source in another form),
// docs unless asked for.
#pragma once

#include "compiler/ir/IR.h"

#include <string>
#include <string_view>

namespace findc::ir {

// Throws std::invalid_argument for what the form cannot hold (a default that
// is a string or a list).
std::string encodeSignatures(const Module& module, bool withDocs);

// The module encodeSignatures wrote, every body empty; std::invalid_argument
// if `bytes` is not such a form (truncated, or an index out of range).
Module decodeSignatures(std::string_view bytes);

} // namespace findc::ir
