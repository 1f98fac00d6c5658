#include "tools/findc/Driver.h"

#include "compiler/support/Version.h"
#include "engine/Artifact.h"
#include "engine/BigStack.h"

#include <fmt/core.h>

#include <algorithm>
#include <iostream>

namespace findc {
namespace {

int run(const std::vector<std::string>& args, std::span<const Tool> tools, const char* help) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    fmt::print("{}", help);
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version") {
    fmt::print("findc {} (LLVM 19)\n", kVersion);
    return kExitOk;
  }
  auto tool = std::find_if(tools.begin(), tools.end(), [&](const Tool& t) { return args[0] == t.name; });
  if (tool == tools.end())
    throw UsageError("unknown command '" + args[0] + "'; run `findc --help`");
  return tool->run({args.begin() + 1, args.end()});
}

const Tool kArtifactTools[] = {
    {"call", [](const std::vector<std::string>& a) { return runCommand(kCallCommand, a); }},
    {"eval", [](const std::vector<std::string>& a) { return runCommand(kEvalCommand, a); }},
    {"list", [](const std::vector<std::string>& a) { return runCommand(kListCommand, a); }},
};

} // namespace

std::span<const Tool> artifactTools() { return kArtifactTools; }

bool runsOnArtifact(const std::vector<std::string>& args) {
  if (args.empty() || std::none_of(std::begin(kArtifactTools), std::end(kArtifactTools),
                                   [&](const Tool& t) { return args[0] == t.name; }))
    return false;
  Options options;
  try {
    options = parseOptions({args.begin() + 1, args.end()});
  } catch (const std::exception&) {
    return false;
  }
  return !options.help && !options.stdlib && !options.positional.empty() && engine::isArtifact(options.positional[0]);
}

int runCommand(const Command& command, const std::vector<std::string>& args) {
  Options options = parseOptions(args);
  for (const std::string& seen : options.seen)
    if (std::find(command.options.begin(), command.options.end(), seen) == command.options.end())
      throw UsageError("'" + std::string(command.name) + "' does not take " + seen);
  if (options.help) {
    fmt::print("{}", command.help);
    return kExitOk;
  }
  return command.run(options);
}

int runDriver(int argc, char** argv, std::span<const Tool> tools, const char* help, DriverStack stack) {
  int status = kExitCompileError;
  auto runTool = [&] {
    try {
      status = run({argv + 1, argv + argc}, tools, help);
    } catch (const InputError& error) { // UsageError too
      std::cerr << "findc: error: " << error.what() << "\n";
      status = kExitUsage;
    } catch (const std::exception& error) {
      std::cerr << "findc: error: " << error.what() << "\n";
      status = kExitCompileError;
    }
  };
  // The suite tools and emit recurse through the compiler's stages too: the
  // whole command runs on a large stack, as every compilation in the engine.
  if (stack == DriverStack::Large)
    engine::runOnLargeStack(runTool);
  else
    runTool();
  return status;
}

} // namespace findc
