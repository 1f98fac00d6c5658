// findc check: diagnostics only.
#include "tools/findc/Load.h"

namespace findc {
namespace {

const char* const kHelp = R"(usage: findc check FILE... [--lang py|fnd] [--input real|str]

Parses and type-checks each file; prints `file:line:col: error: ...` for every
problem found. Exits 1 if any file has errors. A FILE ending in .py is a
Python hypothesis (docs/python-frontend.md): --lang and --input as for eval.
)";

int run(const Options& options) {
  if (options.positional.empty())
    throw UsageError("check needs at least one FILE");
  // The whole pipeline up to the optimized IR, which is verified too; no
  // code is generated, so the interpreter stands in for a backend.
  Options checking = options;
  checking.load.engine = Engine::Interpreter;
  int status = kExitOk;
  for (const std::string& path : options.positional)
    if (!loadSuite(checking, path, /*optimizeIR=*/true))
      status = kExitCompileError;
  return status;
}

} // namespace

const Command kCheckCommand = {"check", kHelp, run, {"--lang", "--input"}};

} // namespace findc
