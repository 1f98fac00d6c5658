// What FIND's string scorer passes to a hypothesis. string_indicator.py
// calls it through `exec(f"test_out.append(func_test.NAME('{in_val}'))")`:
// the input pasted between single quotes, so Python's tokenizer reads it
// as a string literal. Backslashes are escapes there (`\n` becomes a line
// break, `\x41` an `A`, `\x4` a SyntaxError), a `'` ends the literal early
// and turns the rest of the input into code, a line break inside the
// literal is a SyntaxError, a NUL a ValueError. This reads the input as
// Python 3.11 does (docs/score.md states the rules): the str the call
// receives, or the exception the exec raises.
#pragma once

#include "score/FindMetric.h"

#include <string>
#include <string_view>
#include <variant>

namespace findc::score {

// The argument `exec` passes for input `in_val` (UTF-8), or its exception.
// Where a quote leaves code between literals, string literals joined by
// blanks or one `+` (prefixes r, u, and f without braces) are read; any
// other code there counts as a SyntaxError (it raises in Python, a
// SyntaxError or a NameError or a TypeError, all of which FIND's scorer
// treats alike).
std::variant<std::string, PyException> findExecArgument(std::string_view in_val);

} // namespace findc::score
