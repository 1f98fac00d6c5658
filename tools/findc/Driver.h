// What the command-line programs share: findc-compiler (every command),
// and findc and findc-run, which run the commands on a compiled artifact
// without LLVM (a process per query costs milliseconds, not libLLVM's
// loading). A table of tools by name, --help and --version, and errors as
// `findc: error: ...` with findc's exit statuses.
#pragma once

#include "tools/findc/Cli.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace findc {

struct Tool {
  const char* name;
  int (*run)(const std::vector<std::string>& args); // the arguments after the name
};

// The tools of a Command (Cli.h): its options parsed and checked.
int runCommand(const Command& command, const std::vector<std::string>& args);

// call, eval and list: the tools that run a compiled artifact, in a program
// without the compiler.
std::span<const Tool> artifactTools();

// Whether `args` (after the program's name) is one of artifactTools() on a
// compiled artifact, so that a program without the compiler can run it. A
// command line it cannot parse is not: the compiler's program reports it.
bool runsOnArtifact(const std::vector<std::string>& args);

// Where runDriver runs the tool: a program that compiles on a thread with
// a large stack (compilation recurses as deep as the source nests,
// engine/BigStack.h); one that runs artifacts only on the calling thread,
// so that a process per query starts no thread (whose stack and fresh
// malloc arena fault in anew in every process).
enum class DriverStack : uint8_t { Calling, Large };

// main() of every program: runs the tool argv[1] names.
int runDriver(int argc, char** argv, std::span<const Tool> tools, const char* help, DriverStack stack);

} // namespace findc
