// Scoring a results directory: every function in parallel, a progress line
// on a terminal, and a journal so an interrupted run resumes without
// scoring a function twice.
#pragma once

#include "score/Report.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace findc::score {

struct RunOptions {
  unsigned jobs = 0;       // 0: every core
  std::string journalPath; // "" : no journal
  bool progress = false;   // a progress line on stderr
};

// RESULTS/fNNNNN/code.py for every bench of the scorer's suite, in order.
std::vector<FunctionScore> scoreResults(const Scorer& scorer, const RunIdentity& run, const std::string& resultsDir,
                                        const RunOptions& options);

// The bytes of `path`, or nothing if it cannot be read.
std::optional<std::string> readText(const std::filesystem::path& path);

// FIND's unit_test_data.json (a list, entry i for function i: name,
// test_vec, correct_inx); throws std::runtime_error naming what is wrong.
std::vector<suite::UnitTests> readUnitTestData(const std::string& path);

} // namespace findc::score
