// How findc writes values, results and metadata: plain text, JSON and FIND's
// line, in one place for every command and API (docs/json.md). Free of LLVM.
//
// The JSON encoding: bools as true/false; ints as their digits; reals as
// %.17g (reads back to the same double), and null when not finite (NaN,
// +-inf: strict JSON has no such numbers); a str as a JSON string with
// json.dumps's escapes; lists as arrays; maps as objects in insertion order.
// An evaluation that failed is null in "outputs" and its error's name (as
// Python raises it: "IndexError", ...) at the same index of "errors", a
// member present only when some evaluation failed.
#pragma once

#include "engine/Evaluate.h"

#include <span>
#include <string>
#include <string_view>

namespace findc::engine {

// A value as `findc eval` prints it: reals as %.17g (nan, inf), everything
// else as Python's str() (True, 'a' in lists, ...).
std::string formatText(const Scalar& value);
// Output i as `findc eval` prints it: formatText, or None if it failed.
std::string formatText(const Outputs& outputs, size_t i);

// A value in the JSON encoding above.
std::string formatJsonValue(const Scalar& value);
// `{"fn": NAME, "inputs": [...], "outputs": [...]}` plus "errors" when some
// evaluation failed and "seed" when noise or corruption was drawn (its
// Outputs::seed): one line of `findc eval --json`.
std::string formatEvalJson(std::string_view function, const Outputs& outputs);

// The line FIND's function_code.py prints: `Function input - output pairs:
// (X1, Y1) (X2, Y2) ` with each input as given and Python's str() of each
// output (nan, inf and -inf as NumPy prints them); None only where an
// evaluation failed, as FIND's frame prints None for an exception.
std::string formatFindLine(std::span<const std::string> inputs, const Outputs& outputs);

// `name(x: real, a: real = 1.0) -> real`
std::string formatSignature(const ir::Function& fn);
// fn's metadata as `findc list --json` prints it: name, params (name, type,
// default), result, unary, description, and for benches category, domain,
// outside_domain, noise, corruption, approx.
std::string formatMetadataJson(const Suite& suite, uint32_t fn);

} // namespace findc::engine
