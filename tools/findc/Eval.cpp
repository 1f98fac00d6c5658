// findc eval: a function's values at the given inputs, as text or JSON.
#include "engine/Format.h"
#include "tools/findc/Load.h"

#include <fmt/core.h>

namespace findc {
namespace {

const char* const kHelp = R"(usage: findc eval FILE --fn NAME [options] [X...]
       findc eval --stdlib --fn NAME [options] [X...]

Evaluates NAME at each input X and prints one output per line: numbers as
%.17g (with nan and inf), strings as their text, bools as True/False, lists
as Python prints them. X binds NAME's first parameter (a number, or for a
str parameter the text as given); the others take --params, then their
defaults. Where FIND's Python would raise (an index out of range, ...), the
output is None (null in JSON, with the error's name under "errors").

options:
  --fn NAME             the function to evaluate (required for a suite; with
                        --json it may repeat: one JSON object per function
                        and line)
  --engine jit|interp   native code (default) or the reference interpreter
  --math exact|vector|fast
                        exact: glibc's scalar libm's bits, identical to the
                        interpreter (default); vector: libmvec SIMD math;
                        fast: vector, and sums reassociated as C's
                        -ffast-math does (Horner's form, fma)
  --grid A:B:N          also evaluate N evenly spaced points from A to B
  --find-grid           also evaluate FIND's test grid x = i + 0.5, i in [-128, 128)
  --json                print {"fn": ..., "inputs": [...], "outputs": [...]},
                        non-finite outputs as null; if any input failed,
                        also "errors": [null or "IndexError", ...] per input
                        (docs/json.md)
  --params JSON         the parameters after the first, as a JSON array in
                        the function's order: numbers, strings, booleans,
                        lists, and objects for map[str, str]
  --stdlib              NAME is a standard library function (no FILE):
                        reverse_string, or qualified: strings.reverse_string

benchmark functions (`bench` declarations):
  --clean               without noise and corruption (what FIND scores against)
  --seed N              the seed of the noise and corruption: equal seeds and
                        inputs give equal outputs; each input is a new query,
                        so a repeated X gets fresh noise. Without it each run
                        draws a fresh seed from the OS, as FIND's unseeded
                        noise does; --json reports it as "seed"
  --first-query K       number the queries from K (default 0), to continue a
                        sequence across runs (with the same --seed)

Python hypotheses (FILE ending in .py, docs/python-frontend.md):
  --lang py|fnd         read FILE as Python or as findc, whatever its name
  --input real|str      the function's argument: a float (default) or a str
  --fn NAME             the function; default: FIND's rule, the name after
                        the last "def " in the text
)";

int run(const Options& options) {
  if (options.functions.size() > 1 && !options.json)
    throw UsageError("several --fn need --json (one JSON object per line)");
  auto evaluated = evaluateCommand(options, "eval", /*needInputs=*/true);
  if (!evaluated)
    return kExitCompileError;
  for (const auto& [name, outputs] : evaluated->functions) {
    if (options.json) {
      fmt::print("{}\n", engine::formatEvalJson(name, outputs));
      continue;
    }
    for (size_t i = 0; i < outputs.size(); ++i)
      fmt::print("{}\n", engine::formatText(outputs, i));
  }
  return kExitOk;
}

} // namespace

const Command kEvalCommand = {"eval", kHelp, run,
                              {"--lang", "--input", "--fn", "--engine", "--math", "--grid", "--find-grid", "--json", "--clean", "--seed",
                               "--first-query", "--params", "--stdlib", "--source"}};

} // namespace findc
