// The signatures of a module, without bodies, in a compact binary form: what
// a compiled artifact (engine/Artifact.h) records next to its native code so
// that it evaluates, formats and lists its functions without the source.
// Per function: name, parameters (with number or bool defaults), result
// type and the flags codegen decided entry points by; per bench: everything.
// Bodies are left out (they are the function's source in another form),
// docs unless asked for.
#pragma once

#include "compiler/ir/IR.h"

#include <span>
#include <string>
#include <string_view>

namespace findc::ir {

// Throws std::invalid_argument for what the form cannot hold (a default that
// is a string or a list).
std::string encodeSignatures(const Module& module, bool withDocs);

// The module encodeSignatures wrote, every body empty; std::invalid_argument
// if `bytes` is not such a form (truncated, or an index out of range).
// With `only`, the functions of those names alone, with their benches and
// the functions those benches approximate, renumbered in the form's order;
// a name the form lacks is no error, just not there. Every record is still
// checked, but only the kept ones are built: a process that evaluates one
// of 1,000 functions allocates for one.
Module decodeSignatures(std::string_view bytes, std::span<const std::string> only = {});

} // namespace findc::ir
