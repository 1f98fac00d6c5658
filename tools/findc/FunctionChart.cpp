#include "tools/findc/FunctionChart.h"

#include "engine/Evaluate.h"
#include "runtime/PyNumbers.h"
#include "score/Domain.h"
#include "score/Score.h"
#include "tools/findc/Cli.h"
#include "tools/findc/Suite.h"

#include <fmt/core.h>

#include <cmath>

namespace findc {
namespace {

// A value as a y: numbers and bools as reals, a complex number's real part
// (`complex` is set), NaN for an error or anything else (a gap in the line).
double plottedValue(const engine::Outputs& outputs, size_t i, bool& complex) {
  if (outputs.failed(i))
    return NAN;
  const Scalar& v = outputs.values[i];
  switch (v.type) {
  case Type::Real:
  case Type::Int:
  case Type::Bool:
    return v.asDouble();
  case Type::Complex:
    complex = complex || v.c->isComplex;
    return v.c->re;
  default:
    return NAN;
  }
}

// fn at xs as one call (queries 0, 1, ... under `effects`), as points.
std::vector<plot::Point> evaluatePoints(const engine::Suite& suite, uint32_t fn, const std::vector<double>& xs,
                                        const Effects& effects, bool& complex) {
  rt::Arena arena;
  std::vector<Scalar> inputs;
  for (double x : xs)
    inputs.push_back(Scalar::ofReal(x));
  engine::Outputs outputs = engine::evaluateCall(suite, fn, inputs, std::nullopt, effects, arena);
  std::vector<plot::Point> points;
  for (size_t i = 0; i < xs.size(); ++i)
    points.push_back({xs[i], plottedValue(outputs, i, complex)});
  return points;
}

std::string label(std::string name, bool complex) { return complex ? name + " (real part)" : name; }

std::string intervalEnd(double v) { return std::isinf(v) ? (v < 0 ? "-inf" : "inf") : fmt::format("{:g}", v); }

} // namespace

plot::LineChart functionChart(const engine::Suite& suite, uint32_t fn, const engine::Suite* hypothesis,
                              const FunctionChartOptions& options) {
  const ir::Function& f = suite.function(fn);
  if (f.params.empty() || !isNumeric(f.params[0].type))
    throw UsageError("'" + f.name + "' does not take a number: findc plot draws functions of a number");
  if (f.params[0].type == Type::Int) // the truth is drawn between FIND's grid points
    throw UsageError("'" + f.name + "' takes an int: findc plot draws functions of a real");
  plot::LineChart chart;
  chart.xRange = {options.lo, options.hi};
  std::vector<double> dense;
  for (size_t i = 0; i < options.points; ++i)
    dense.push_back(options.lo + (options.hi - options.lo) * static_cast<double>(i) /
                                     static_cast<double>(options.points - 1));
  bool complex = false;
  chart.series.push_back({.label = "", .style = plot::Style::Line, .color = plot::kTruthColor,
                          .points = evaluatePoints(suite, fn, dense, {.apply = false, .seed = 0, .firstQuery = 0}, complex),
                          .fitsScale = true});
  chart.series.back().label = label("truth", complex);

  // The served samples as `findc score --seed S` scores against them: the
  // whole grid in one call, then those inside the axis.
  complex = false;
  std::vector<plot::Point> served = evaluatePoints(suite, fn, score::findGrid(options.gridRange), {.apply = true, .seed = options.seed, .firstQuery = 0}, complex);
  std::erase_if(served, [&](const plot::Point& p) { return p.x < options.lo || p.x > options.hi; });
  const ir::Bench* bench = suite.bench(fn);
  bool effects = bench && (bench->effects.noise.kind != rt::NoiseKind::None ||
                           bench->effects.corruption.region != rt::CorruptRegion::None);
  chart.series.push_back({.label = label(effects ? fmt::format("served, seed {}", options.seed) : "served", complex),
                          .style = plot::Style::Markers, .color = plot::kServedColor, .points = std::move(served), .fitsScale = true});

  if (hypothesis) {
    complex = false;
    std::vector<plot::Point> points =
        evaluatePoints(*hypothesis, hypothesis->visible().front(), dense, {.apply = true, .seed = options.seed, .firstQuery = 0}, complex);
    chart.series.push_back({.label = label("hypothesis", complex), .style = plot::Style::Line,
                            .color = plot::kHypothesisColor, .points = std::move(points), .fitsScale = false,
                            .dashed = true});
  }
  if (bench)
    if (std::optional<score::Interval> corrupted = score::corruptedInterval(bench->effects.corruption))
      chart.bands.push_back({.label = fmt::format("corrupted [{}, {}]", intervalEnd(corrupted->lo), intervalEnd(corrupted->hi)),
                             .lo = corrupted->lo, .hi = corrupted->hi});
  return chart;
}

} // namespace findc
