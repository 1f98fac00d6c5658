// findc: the command-line driver, one command per file (tools/findc/NAME.cpp)
// on top of the engine (engine/): check, eval, call, emit, list, suite, score, diff,
// unittests, plot, serve, query.
#include "compiler/support/Version.h"
#include "engine/BigStack.h"
#include "tools/findc/Cli.h"
#include "tools/findc/Suite.h"

#include <fmt/core.h>

#include <algorithm>
#include <iostream>

namespace findc {
namespace {

const char* const kMainHelp = R"(findc: compiler and JIT for interpretability benchmark functions

usage: findc <command> [options]

commands:
  check FILE...        report diagnostics only
  eval FILE --fn NAME  evaluate a function at the given inputs
  call FILE --fn NAME  evaluate and print FIND's "Function input - output pairs" line
  emit FILE            print a compilation stage: AST, findc IR, LLVM IR or assembly
  list FILE            list the functions with their signatures and descriptions
  suite ACTION         write suites: import-find, export-find, generate, train
  score SUITE RESULTS  score agents' hypotheses against a suite, FIND's way or strictly
  diff A B             compare two functions (.fnd or .py): error, intervals, counterexamples
  unittests SUITE      write FIND's unit_test_data.json for a string or numeric suite
  plot SUITE --fn NAME draw a function, its served samples and a hypothesis (SVG or PNG)
  serve SUITE          serve the functions to agents as black boxes (stdio or HTTP)
  query                ask a server: FIND's line, or a function_code.py shim

Run `findc <command> --help` for a command's options.
)";

const Command* const kCommands[] = {&kCheckCommand, &kEvalCommand, &kCallCommand, &kEmitCommand, &kListCommand};

int run(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    fmt::print("{}", kMainHelp);
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version") {
    fmt::print("findc {} (LLVM 19)\n", kVersion);
    return kExitOk;
  }
  if (args[0] == "suite")
    return runSuite({args.begin() + 1, args.end()});
  if (args[0] == "score")
    return runScore({args.begin() + 1, args.end()});
  if (args[0] == "plot")
    return runPlot({args.begin() + 1, args.end()});
  if (args[0] == "diff")
    return runDiff({args.begin() + 1, args.end()});
  if (args[0] == "unittests")
    return runUnitTests({args.begin() + 1, args.end()});
  if (args[0] == "serve")
    return runServe({args.begin() + 1, args.end()});
  if (args[0] == "query")
    return runQuery({args.begin() + 1, args.end()});
  auto command = std::find_if(std::begin(kCommands), std::end(kCommands),
                              [&](const Command* c) { return args[0] == c->name; });
  if (command == std::end(kCommands))
    throw UsageError("unknown command '" + args[0] + "'; run `findc --help`");
  Options options = parseOptions({args.begin() + 1, args.end()});
  for (const std::string& seen : options.seen)
    if (std::find((*command)->options.begin(), (*command)->options.end(), seen) == (*command)->options.end())
      throw UsageError("'" + args[0] + "' does not take " + seen);
  if (options.help) {
    fmt::print("{}", (*command)->help);
    return kExitOk;
  }
  return (*command)->run(options);
}

} // namespace
} // namespace findc

int main(int argc, char** argv) {
  int status = findc::kExitCompileError;
  // The suite tools and emit recurse through the compiler's stages too: the
  // whole command runs on a large stack, as every compilation in the engine.
  findc::engine::runOnLargeStack([&] {
    try {
      status = findc::run({argv + 1, argv + argc});
    } catch (const findc::InputError& error) { // UsageError too
      std::cerr << "findc: error: " << error.what() << "\n";
      status = findc::kExitUsage;
    } catch (const std::exception& error) {
      std::cerr << "findc: error: " << error.what() << "\n";
      status = findc::kExitCompileError;
    }
  });
  return status;
}
