// findc, the program users run, is small: call, eval and list on a compiled
// artifact run in it, without LLVM, so that a process per query (FIND's
// harness runs one) costs milliseconds. Every other command line becomes
// findc-compiler (main.cpp: every command, the compiler linked), the program
// next to this one, by exec: only the commands that compile pay for loading
// libLLVM and the front ends (~25 ms per process).
#include "tools/findc/Driver.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace findc {
namespace {

const char* const kCompilerProgram = "findc-compiler";

// Replaces this process with findc-compiler on the same command line; returns
// only if that fails.
int becomeCompiler(char** argv) {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  std::filesystem::path compiler = self.parent_path() / kCompilerProgram;
  if (!ec)
    execv(compiler.c_str(), argv);
  std::cerr << "findc: error: cannot run " << (ec ? std::string(kCompilerProgram) : compiler.string()) << ": "
            << (ec ? ec.message() : std::strerror(errno))
            << "; findc runs call, eval and list on compiled artifacts itself, and every other command with "
            << kCompilerProgram << ", installed next to it\n";
  return kExitUsage; // not 127, a shell's: LLVM's `not` reads that as its own failure to run
}

} // namespace
} // namespace findc

int main(int argc, char** argv) {
  if (!findc::runsOnArtifact({argv + 1, argv + argc}))
    return findc::becomeCompiler(argv);
  // --help and a bare `findc` went to findc-compiler: no help text here.
  return findc::runDriver(argc, argv, findc::artifactTools(), "", findc::DriverStack::Calling);
}
