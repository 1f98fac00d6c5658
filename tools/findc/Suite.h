// `findc suite ...`: tools that write suites: import FIND v1's numeric
// functions, sample new ones with FIND's distribution, train `approx mlp`
// networks into a suite file.
#pragma once

#include "tools/findc/Cli.h"

#include <string>
#include <vector>

namespace findc {

extern const char* const kSuiteHelp;

// `args` follow the word `suite`. Returns the exit status.
int runSuite(const std::vector<std::string>& args);

} // namespace findc
