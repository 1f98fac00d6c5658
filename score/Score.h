// Scoring agents' hypotheses against a suite (docs/score.md): FIND's
// protocol, with its numbers and quirks (mse_indicator.py for numeric
// suites, string_indicator.py for string suites), or a strict one. One
// hypothesis per function: RESULTS/fNNNNN/code.py for the bench at
// position NNNNN, as FIND's scripts address functions.
#pragma once

#include "compiler/suite/UnitTests.h"
#include "engine/Inputs.h"
#include "engine/Suite.h"
#include "score/Domain.h"
#include "score/FindMetric.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace findc::score {

enum class Protocol : uint8_t { Find, Strict };
std::string_view protocolName(Protocol protocol);

struct ScoreOptions {
  Protocol protocol = Protocol::Find;
  // FIND's protocol scores against the served truth: its noise and
  // corruption drawn under this seed, query i at grid point i.
  uint64_t seed = 0;
  double threshold = 0.1; // a numeric hypothesis scores 1 when NMSE < threshold
  int64_t range = 128;    // the numeric grid: x = i + 0.5 for i in [-range, range)
  // How hypotheses run: the interpreter compiles nothing, which on 256
  // points is faster than the JIT's code generation; both agree bit for bit.
  Engine engine = Engine::Interpreter;
};

// What scoring one function gave.
struct FunctionScore {
  std::string name;     // FIND's folder: fNNNNN
  std::string bench;    // the suite's name of the function
  std::string category; // atom, composition, string atom, string composition
  std::string variant;  // plain, noised, corrupted, mlp
  std::optional<double> mse, nmse; // numeric; none when list_mse raised or nothing ran
  std::vector<int> tests;          // strings: FIND's `score` list, 1 or 0 per test run
  double score = 0;
  // Why it scored 0 without running to the end, "" otherwise: the exception
  // FIND's scorer would have caught ("ZeroDivisionError: ..."), a compile
  // error, a missing code.py.
  std::string error;
  size_t points = 0;         // numeric: points scored; strings: tests run
  size_t errorPoints = 0;    // strict: points or tests where the hypothesis raised
  size_t outsideDomain = 0;  // strict, numeric: scored points outside the bench's declared domain
  bool fromJournal = false;  // read back from an earlier run's journal, not scored again
  // The interval domain.txt states (none: none stated, or no file), how it
  // was read, and for a corrupted bench its true interval and their IoU
  // over FIND's range (docs/score.md, "The domain").
  std::optional<Interval> domainClaim;
  std::string domainRule;
  std::optional<Interval> domainTruth;
  std::optional<double> domainIoU;
  std::string summaryGroup() const { return variant == "plain" ? category : variant; }
};

// The suite's truth and what scoring one function needs.
using engine::findGrid; // FIND's numeric test grid (engine/Inputs.h)

// How a hypothesis (FIND's code.py) is compiled for scoring: Python, FIND's
// rule for its function, a float or a str as its input, exact math.
LoadOptions hypothesisLoadOptions(Engine engine, bool strings);

class Scorer {
public:
  // `unitTests` (string suites): the suite's unit tests, entry i for bench i.
  Scorer(std::shared_ptr<const engine::Suite> suite, ScoreOptions options,
         std::vector<suite::UnitTests> unitTests = {});

  bool strings() const { return strings_; }
  size_t size() const { return suite_->module().benches.size(); }
  const ScoreOptions& options() const { return options_; }

  // Scores the bench at `position` given the text of its code.py (none when
  // the file is missing; `path` names it in messages) and of its domain.txt.
  // Thread-safe.
  FunctionScore score(size_t position, const std::optional<std::string>& code, const std::string& path,
                      const std::optional<std::string>& domain = std::nullopt) const;

private:
  FunctionScore describe(size_t position) const;
  void scoreNumeric(size_t position, const engine::Suite& hypothesis, FunctionScore& result) const;
  void scoreStrings(size_t position, const engine::Suite& hypothesis, FunctionScore& result) const;

  std::shared_ptr<const engine::Suite> suite_;
  ScoreOptions options_;
  std::vector<suite::UnitTests> unitTests_;
  bool strings_ = false;
  std::vector<double> grid_;
};

// The mean score per summary group, in a fixed order, then "all".
struct GroupSummary {
  std::string group;
  size_t functions = 0;
  double meanScore = 0;
  size_t errors = 0; // functions with an error
  size_t corrupted = 0; // functions with a true corrupted interval
  double meanIoU = 0;   // over those
};
std::vector<GroupSummary> summarize(std::span<const FunctionScore> scores);

} // namespace findc::score
