// What the two command-line programs share: findc (every command) and
// findc-run (the commands that run a compiled artifact, without LLVM: a
// process per query costs milliseconds, not libLLVM's loading). A table of
// tools by name, --help and --version, and errors as `findc: error: ...`
// with findc's exit statuses.
#pragma once

#include "tools/findc/Cli.h"

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

// main() of either program: runs the tool argv[1] names on a large stack.
int runDriver(int argc, char** argv, std::span<const Tool> tools, const char* help);

} // namespace findc
