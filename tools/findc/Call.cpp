// findc call: what FIND's function_code.py prints for the same inputs.
#include "engine/Format.h"
#include "tools/findc/Load.h"

#include <fmt/core.h>

namespace findc {
namespace {

const char* const kHelp = R"(usage: findc call FILE --fn NAME [--fn NAME...] [options] X...

Prints `Function input - output pairs: (X1, Y1) (X2, Y2) ` exactly as FIND's
function_code.py does, so a FIND agent harness can run findc in its place:
Python's str() of each value (nan, inf and -inf as NumPy's floats print,
complex numbers as Python's), and None where the evaluation failed as
Python raises (FIND's frame catches the exception). With several --fn, one
such line per function, each as its own call prints it (queries numbered
from --first-query for each). Options: --engine,
--math, --params, --stdlib, --lang and --input (a Python hypothesis, whose
--fn defaults to FIND's rule), and for benchmark functions --clean, --seed N
and --first-query K, as for eval: without --seed each run draws fresh
noise, as FIND's script does; to reproduce a session, pass --seed N and
--first-query Q (the number of queries made before) on every call.
)";

// FIND's function_code.py prints nothing but this line, even without inputs.
int run(const Options& options) {
  auto evaluated = evaluateCommand(options, "call", /*needInputs=*/false);
  if (!evaluated)
    return kExitCompileError;
  for (const auto& [name, outputs] : evaluated->functions)
    fmt::print("{}\n", engine::formatFindLine(evaluated->inputs.texts, outputs));
  return kExitOk;
}

} // namespace

const Command kCallCommand = {
    "call", kHelp, run, {"--lang", "--input", "--fn", "--engine", "--math", "--clean", "--seed", "--first-query", "--params", "--stdlib", "--source"}};

} // namespace findc
