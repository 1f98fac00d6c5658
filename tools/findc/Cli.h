// What the findc subcommands share: usage errors, exit statuses, option
// values, and the options of check/eval/call/emit/list.
#pragma once

#include "engine/Inputs.h"
#include "findc/Errors.hpp"
#include "findc/Options.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace findc {

inline constexpr int kExitOk = 0;
inline constexpr int kExitCompileError = 1;
inline constexpr int kExitUsage = 2;

// A bad command line: `findc: error: ...`, exit status 2. The engine's
// InputError (a bad input or parameter) is reported the same way.
class UsageError : public InputError {
  using InputError::InputError;
};

inline uint64_t parseCount(const std::string& option, const std::string& text) {
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    throw UsageError(option + " expects a non-negative integer, got '" + text + "'");
  return value;
}

inline double parseReal(const std::string& option, const std::string& text) {
  size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
  }
  if (text.empty() || used != text.size() || !std::isfinite(value))
    throw UsageError(option + " expects a number, got '" + text + "'");
  return value;
}

// `A:B` with numbers A < B (--domain, --range): a usage error naming
// `option` otherwise.
inline std::pair<double, double> parseInterval(const std::string& option, const std::string& text) {
  size_t colon = text.find(':', 1);
  if (colon == std::string::npos)
    throw UsageError(option + " expects A:B, got '" + text + "'");
  double lo = parseReal(option, text.substr(0, colon)), hi = parseReal(option, text.substr(colon + 1));
  if (!(lo < hi))
    throw UsageError(option + " expects A < B, got '" + text + "'");
  return {lo, hi};
}

// Whether a command's arguments ask for its help.
inline bool wantsHelp(const std::vector<std::string>& args) {
  return std::find(args.begin(), args.end(), "--help") != args.end() ||
         std::find(args.begin(), args.end(), "-h") != args.end();
}

// Writes through a temporary file and a rename: readers never see half a
// file (tools/findc/Output.cpp).
void writeWhole(const std::string& path, const std::string& text);

// Options shared by the commands; each command accepts the ones it lists.
struct Options {
  std::vector<std::string> positional;
  size_t literalInputs = 0;           // positionals before `--`
  std::vector<std::string> functions; // every --fn, in order
  LoadOptions load;
  engine::TextInputs grid; // --grid and --find-grid points
  bool json = false;
  bool help = false;
  bool noOpt = false;
  Effects effects;
  std::string stage;                  // emit --stage (or --ir/--llvm/--asm/--python)
  std::optional<std::string> outDir;  // emit --out-dir: one file per function
  std::optional<std::string> params;  // --params JSON
  std::optional<std::string> source;  // --source: the suite a compiled artifact must match
  bool stdlib = false;
  std::set<std::string> seen;         // every --option given

  // The last --fn, or "".
  std::string function() const { return functions.empty() ? "" : functions.back(); }
};

Options parseOptions(const std::vector<std::string>& args);

// One command per file (tools/findc/NAME.cpp): its help text and its action.
struct Command {
  const char* name;
  const char* help;
  int (*run)(const Options&);
  std::vector<std::string> options; // what it accepts besides --help
};

extern const Command kCheckCommand, kEvalCommand, kCallCommand, kEmitCommand, kListCommand;

// The commands that parse their own arguments (those after the command's
// name); each returns the exit status.
int runSuite(const std::vector<std::string>& args);     // Suite.cpp
int runUnitTests(const std::vector<std::string>& args); // Suite.cpp
int runScore(const std::vector<std::string>& args);     // Score.cpp
int runPlot(const std::vector<std::string>& args);      // Plot.cpp
int runDiff(const std::vector<std::string>& args);      // Diff.cpp
int runBuild(const std::vector<std::string>& args);     // Build.cpp
int runServe(const std::vector<std::string>& args);     // Serve.cpp
int runQuery(const std::vector<std::string>& args);     // Serve.cpp

} // namespace findc
