// `findc suite ...`: tools that write suites: import FIND v1's numeric
// functions, sample new ones with FIND's distribution, train `approx mlp`
// networks into a suite file.
#pragma once

#include "compiler/suite/UnitTests.h"
#include "engine/Suite.h"
#include "tools/findc/Cli.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace findc {

extern const char* const kSuiteHelp;

struct SuiteOptions {
  std::vector<std::string> positional;
  std::string output;
  std::optional<uint64_t> numeric;
  std::optional<uint64_t> strings;
  uint64_t seed = 0;
  unsigned epochs = 10000;
};

// What bench `position` of `suite` prints at each input (Python's str()),
// nothing where it raises: the unit tests' view of a function.
suite::PrintedOutputs printedOutputs(const engine::Suite& suite, size_t position, std::span<const std::string> inputs);

// FIND's unit tests of every bench of `suite` (bench i as fNNNNN): string
// inputs for a suite of str functions, numbers otherwise; outputs as `findc
// call --clean` prints them. Throws std::runtime_error naming a bench that
// raises on every input or has no distractor.
std::vector<suite::UnitTests> suiteUnitTests(const engine::Suite& suite, uint64_t seed);


// `findc suite train` (tools/findc/Train.cpp).
int runTrain(const SuiteOptions& options);


} // namespace findc
