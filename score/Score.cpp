#include "score/Score.h"

#include "compiler/suite/FindExport.h"
#include "engine/Compile.h"
#include "engine/Evaluate.h"
#include "runtime/Strings.h"
#include "score/FindExec.h"

#include <fmt/core.h>

#include <cmath>

namespace findc::score {
namespace {

std::string pythonRepr(double x) { return formatPython(Scalar::ofReal(x)); }

// The first error of a compiler's message (warnings come first when a line
// above the error has one).
std::string firstError(std::string_view text) {
  size_t at = text.find(": error: ");
  size_t start = at == std::string_view::npos ? 0 : text.rfind('\n', at);
  start = start == std::string_view::npos || at == std::string_view::npos ? 0 : start + 1;
  std::string_view line = text.substr(start);
  return std::string(line.substr(0, line.find('\n')));
}

std::string exceptionText(const PyException& e) { return e.kind + ": " + e.detail; }

} // namespace

std::string_view protocolName(Protocol protocol) { return protocol == Protocol::Find ? "find" : "strict"; }

Scorer::Scorer(std::shared_ptr<const engine::Suite> suite, ScoreOptions options,
               std::vector<suite::UnitTests> unitTests)
    : suite_(std::move(suite)), options_(options), unitTests_(std::move(unitTests)) {
  const ir::Module& module = suite_->module();
  strings_ = !module.benches.empty() && module.functions[module.benches[0].function].takesStr();
  // FIND's scorers take suites of one kind: every bench of a number, or every bench of a str.
  for (const ir::Bench& bench : module.benches) {
    const ir::Function& f = module.functions[bench.function];
    bool number = !f.params.empty() && isNumeric(f.params[0].type);
    if (f.takesStr() != strings_ || (!f.takesStr() && !number))
      throw InputError("'" + f.name + "' takes " + (f.params.empty() ? "nothing" : std::string(typeName(f.params[0].type))) +
                       ": findc score takes a suite whose benches all take a number or all take a str, as the first (" +
                       module.functions[module.benches[0].function].name + ") does");
  }
  grid_ = findGrid(options_.range);
}

LoadOptions hypothesisLoadOptions(Engine engine, bool strings) {
  return {.engine = engine,
          .math = MathMode::Exact,
          .source = {.language = Language::Python,
                     .input = strings ? SourceOptions::Input::Str : SourceOptions::Input::Real}};
}

FunctionScore Scorer::describe(size_t position) const {
  const ir::Bench& bench = suite_->module().benches[position];
  FunctionScore result;
  result.name = suite::findFolder(position);
  result.bench = suite_->function(bench.function).name;
  if (strings_)
    result.category = bench.category == "string composition" ? "string composition" : "string atom";
  else
    result.category = bench.category.find(';') != std::string::npos ? "composition" : "atom";
  result.variant = bench.approx                                                ? "mlp"
                   : bench.effects.corruption.region != rt::CorruptRegion::None ? "corrupted"
                   : bench.effects.noise.kind != rt::NoiseKind::None            ? "noised"
                                                                                : "plain";
  return result;
}

FunctionScore Scorer::score(size_t position, const std::optional<std::string>& code, const std::string& path,
                            const std::optional<std::string>& domain) const {
  FunctionScore result = describe(position);
  DomainClaim claim = domain ? readDomainClaim(*domain) : DomainClaim{std::nullopt, "no domain.txt"};
  result.domainClaim = claim.interval;
  result.domainRule = claim.rule;
  result.domainTruth = corruptedInterval(suite_->module().benches[position].effects.corruption);
  if (result.domainTruth)
    result.domainIoU = intervalIoU(claim.interval, result.domainTruth, -static_cast<double>(options_.range),
                                   static_cast<double>(options_.range));
  auto fail = [&](std::string why) {
    result.error = std::move(why);
    if (strings_) // FIND's string scorer appends one 0 for an exception before any test
      result.tests.assign(1, 0);
    return result;
  };
  if (!code)
    return fail("FileNotFoundError: no " + path);
  std::shared_ptr<const engine::Suite> hypothesis;
  try {
    hypothesis = engine::compileOrThrow(*code, path, hypothesisLoadOptions(options_.engine, strings_));
  } catch (const CompileError& e) {
    return fail("compile error: " + firstError(e.what()));
  }
  if (hypothesis->visible().empty())
    return fail("compile error: " + path + " defines no function");
  if (strings_)
    scoreStrings(position, *hypothesis, result);
  else
    scoreNumeric(position, *hypothesis, result);
  return result;
}

void Scorer::scoreNumeric(size_t position, const engine::Suite& hypothesis, FunctionScore& result) const {
  const ir::Bench& bench = suite_->module().benches[position];
  bool find = options_.protocol == Protocol::Find;
  rt::Arena arena;
  std::vector<Scalar> xs;
  for (double x : grid_)
    xs.push_back(Scalar::ofReal(x));
  Effects truthEffects{.apply = find, .seed = options_.seed, .firstQuery = 0};
  engine::Outputs truth = engine::evaluateCall(*suite_, bench.function, xs, std::nullopt, truthEffects, arena);

  // The kept points, up to the first point where the truth raises (FIND
  // stops there; the hypothesis has run at the points before it).
  std::vector<size_t> kept;
  std::string truthError;
  for (size_t i = 0; i < grid_.size() && truthError.empty(); ++i) {
    if (truth.failed(i)) {
      truthError = fmt::format("{} in the truth at x = {}", rt::errorName(truth.errors[i]), pythonRepr(grid_[i]));
      break;
    }
    std::variant<bool, PyException> keep = findKeepsPoint(truth.values[i]);
    if (auto* e = std::get_if<PyException>(&keep))
      truthError = exceptionText(*e) + fmt::format(" at x = {}", pythonRepr(grid_[i]));
    else if (std::get<bool>(keep))
      kept.push_back(i);
  }
  std::vector<Scalar> keptX;
  for (size_t i : kept)
    keptX.push_back(xs[i]);
  uint32_t fn = hypothesis.visible().front();
  Effects hypothesisEffects{.apply = true, .seed = options_.seed, .firstQuery = 0};
  engine::Outputs guess = engine::evaluateCall(hypothesis, fn, keptX, std::nullopt, hypothesisEffects, arena);

  std::vector<Scalar> t, h;
  for (size_t k = 0; k < kept.size(); ++k) {
    if (guess.failed(k)) {
      ++result.errorPoints;
      if (find) { // FIND's scorer stops at the first exception
        result.error = fmt::format("{} in the hypothesis at x = {}", rt::errorName(guess.errors[k]),
                                   pythonRepr(grid_[kept[k]]));
        return;
      }
      continue;
    }
    const Scalar& value = guess.values[k];
    bool number = value.type == Type::Real || value.type == Type::Int || value.type == Type::Bool ||
                  value.type == Type::Complex;
    if (!find && !number) { // strict: a value that is not a number is an error at its point
      ++result.errorPoints;
      continue;
    }
    if (!find && bench.domain && (grid_[kept[k]] < bench.domain->first || grid_[kept[k]] > bench.domain->second))
      ++result.outsideDomain;
    t.push_back(truth.values[kept[k]]);
    h.push_back(value);
  }
  if (!truthError.empty()) {
    result.error = truthError;
    return;
  }
  result.points = t.size();
  std::variant<FindMse, PyException> mse = findListMse(t, h);
  if (auto* e = std::get_if<PyException>(&mse)) {
    result.error = exceptionText(*e);
    return;
  }
  result.mse = std::get<FindMse>(mse).mse;
  result.nmse = std::get<FindMse>(mse).nmse;
  result.score = findThresholdScore(*result.nmse, options_.threshold);
  if (result.errorPoints > 0)
    result.score = 0;
}

void Scorer::scoreStrings(size_t position, const engine::Suite& hypothesis, FunctionScore& result) const {
  bool find = options_.protocol == Protocol::Find;
  auto finish = [&] {
    double passed = 0;
    for (int test : result.tests)
      passed += test;
    result.score = passed / static_cast<double>(result.tests.size()); // FIND's sum(score) / len(score)
    result.points = result.tests.size();
  };
  if (position >= unitTests_.size()) { // FIND's data_dict[i]
    result.error = "IndexError: no unit tests for this function";
    result.tests.assign(1, 0);
    finish();
    return;
  }
  uint32_t fn = hypothesis.visible().front();
  rt::Arena arena;
  for (const suite::UnitTestVector& vector : unitTests_[position].vectors) {
    const std::string& input = vector.inputs[vector.correct];
    std::string argument = input;
    if (find) {
      std::variant<std::string, PyException> read = findExecArgument(input);
      if (auto* e = std::get_if<PyException>(&read)) {
        result.tests.push_back(0);
        result.error = exceptionText(*e);
        break;
      }
      argument = std::get<std::string>(read);
    }
    Scalar in = Scalar::ofStr(rt::makeStr(arena, argument));
    Effects effects{.apply = true, .seed = options_.seed, .firstQuery = result.tests.size()};
    engine::Outputs out = engine::evaluateCall(hypothesis, fn, std::span(&in, 1), std::nullopt, effects, arena);
    if (out.failed(0)) {
      result.tests.push_back(0);
      ++result.errorPoints;
      if (find) {
        result.error = fmt::format("{} in the hypothesis on test {}", rt::errorName(out.errors[0]), result.tests.size());
        break;
      }
      continue;
    }
    const Scalar& value = out.values[0];
    result.tests.push_back(value.type == Type::Str && value.s->view() == vector.outputs[vector.correct] ? 1 : 0);
  }
  if (result.tests.empty())
    result.tests.assign(1, 0); // no vectors: FIND would divide by zero; scored 0
  finish();
}

std::vector<GroupSummary> summarize(std::span<const FunctionScore> scores) {
  static constexpr std::string_view kOrder[] = {"atom",   "composition", "noised",           "corrupted",
                                                "mlp",    "string atom", "string composition"};
  std::vector<GroupSummary> groups;
  auto add = [&](GroupSummary& group, const FunctionScore& s) {
    ++group.functions;
    group.meanScore += s.score;
    group.errors += s.error.empty() ? 0 : 1;
    if (s.domainIoU) {
      ++group.corrupted;
      group.meanIoU += *s.domainIoU;
    }
  };
  for (std::string_view name : kOrder) {
    GroupSummary group{.group = std::string(name)};
    for (const FunctionScore& s : scores)
      if (s.summaryGroup() == name)
        add(group, s);
    if (group.functions > 0)
      groups.push_back(group);
  }
  GroupSummary all{.group = "all"};
  for (const FunctionScore& s : scores)
    add(all, s);
  groups.push_back(all);
  for (GroupSummary& group : groups) {
    if (group.functions > 0)
      group.meanScore /= static_cast<double>(group.functions);
    if (group.corrupted > 0)
      group.meanIoU /= static_cast<double>(group.corrupted);
  }
  return groups;
}

} // namespace findc::score
