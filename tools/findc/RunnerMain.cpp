// findc-run: findc's commands that run a compiled artifact (`findc build`),
// in a program that links neither LLVM nor the front ends, so that a process
// per query (FIND's harness runs one) starts in milliseconds. Sources are
// findc's: findc-run says so (LoadLean.cpp).
#include "tools/findc/Driver.h"

namespace findc {
namespace {

const char* const kRunnerHelp = R"(findc-run: run compiled findc artifacts (`findc build SUITE -o OUT.findo`)

usage: findc-run <command> ARTIFACT [options]

commands (as findc's, on an artifact only):
  call ARTIFACT --fn NAME  print FIND's "Function input - output pairs" line
  eval ARTIFACT --fn NAME  evaluate a function at the given inputs
  list ARTIFACT            list the functions with their signatures

(`findc serve ARTIFACT` serves an artifact: a server starts once.)

Run `findc-run <command> --help` for a command's options.
)";

} // namespace
} // namespace findc

int main(int argc, char** argv) {
  return findc::runDriver(argc, argv, findc::artifactTools(), findc::kRunnerHelp, findc::DriverStack::Calling);
}
