// findc-compiler: the command-line driver with every command, one per file
// (tools/findc/NAME.cpp) on top of the engine (engine/): check, eval, call,
// emit, list, suite, score, diff, unittests, plot, build, serve, query. Users
// run findc (FrontMain.cpp), which runs call, eval and list on an artifact
// itself and becomes this program for everything else; findc-run
// (RunnerMain.cpp) is the driver with the artifact commands only.
#include "tools/findc/Driver.h"
#include "tools/findc/Suite.h"

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
  build SUITE -o OUT   compile a suite ahead of time into an artifact that loads without compiling
  serve SUITE          serve the functions to agents as black boxes (stdio or HTTP)
  query                ask a server: FIND's line, or a function_code.py shim

Run `findc <command> --help` for a command's options.
)";

const Tool kTools[] = {
    {"check", [](const std::vector<std::string>& a) { return runCommand(kCheckCommand, a); }},
    {"eval", [](const std::vector<std::string>& a) { return runCommand(kEvalCommand, a); }},
    {"call", [](const std::vector<std::string>& a) { return runCommand(kCallCommand, a); }},
    {"emit", [](const std::vector<std::string>& a) { return runCommand(kEmitCommand, a); }},
    {"list", [](const std::vector<std::string>& a) { return runCommand(kListCommand, a); }},
    {"suite", runSuite},
    {"score", runScore},
    {"diff", runDiff},
    {"unittests", runUnitTests},
    {"plot", runPlot},
    {"build", runBuild},
    {"serve", runServe},
    {"query", runQuery},
};

} // namespace
} // namespace findc

int main(int argc, char** argv) {
  return findc::runDriver(argc, argv, findc::kTools, findc::kMainHelp, findc::DriverStack::Large);
}
