#include "plot/Scale.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

namespace findc::plot {
namespace {

double quantile(const std::vector<double>& sorted, double q) {
  double at = q * static_cast<double>(sorted.size() - 1);
  size_t below = static_cast<size_t>(std::floor(at));
  size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - static_cast<double>(below));
}

// Liang-Barsky: the part of the segment a-b inside the frame, as fractions
// [t0, t1] of the way from a to b; false when none of it is.
bool clipSegment(Point a, Point b, Range x, Range y, double& t0, double& t1) {
  t0 = 0;
  t1 = 1;
  double dx = b.x - a.x, dy = b.y - a.y;
  const double p[] = {-dx, dx, -dy, dy};
  const double q[] = {a.x - x.lo, x.hi - a.x, a.y - y.lo, y.hi - a.y};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0)
        return false;
      continue;
    }
    double t = q[i] / p[i];
    if (p[i] < 0)
      t0 = std::max(t0, t);
    else
      t1 = std::min(t1, t);
  }
  return t0 <= t1;
}

Point along(Point a, Point b, double t) {
  if (t == 0)
    return a;
  if (t == 1)
    return b;
  return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
}

} // namespace

Range robustRange(std::vector<double> values) {
  std::erase_if(values, [](double v) { return !std::isfinite(v); });
  if (values.empty())
    return {-1, 1};
  std::sort(values.begin(), values.end());
  double lo = quantile(values, 0.01), hi = quantile(values, 0.99);
  double pad = 0.25 * (hi - lo);
  Range range{std::max(values.front(), lo - pad), std::min(values.back(), hi + pad)};
  if (!(range.hi - range.lo > 1e-12 * std::max(std::abs(range.lo), std::abs(range.hi)))) {
    double half = range.lo == 0 ? 1 : std::abs(range.lo) * 0.1;
    return {range.lo - half, range.lo + half};
  }
  return range;
}

std::vector<double> niceTicks(Range range, int target) {
  double span = range.hi - range.lo;
  if (!(span > 0) || !std::isfinite(span))
    return {range.lo};
  double raw = span / target;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (double factor : {1.0, 2.0, 5.0, 10.0})
    if (factor * power >= raw) {
      step = factor * power;
      break;
    }
  std::vector<double> ticks;
  for (double k = std::ceil(range.lo / step); k * step <= range.hi + step * 1e-9; ++k)
    ticks.push_back(k * step == 0 ? 0.0 : k * step); // no -0
  return ticks;
}

std::string tickLabel(double value, double step) {
  if (std::abs(value) < step * 1e-9)
    return "0";
  double magnitude = std::max(std::abs(value), step);
  if (magnitude >= 1e6 || step < 1e-4)
    return fmt::format("{:.3g}", value);
  int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
  return fmt::format("{:.{}f}", value, decimals);
}

std::vector<std::vector<Point>> clipLine(std::span<const Point> points, Range x, Range y) {
  std::vector<std::vector<Point>> pieces;
  bool open = false; // the last piece ends at the previous point
  for (size_t i = 1; i < points.size(); ++i) {
    Point a = points[i - 1], b = points[i];
    bool finite = std::isfinite(a.x) && std::isfinite(a.y) && std::isfinite(b.x) && std::isfinite(b.y);
    bool acrossPole = (a.y > y.hi && b.y < y.lo) || (a.y < y.lo && b.y > y.hi);
    double t0 = 0, t1 = 1;
    if (!finite || acrossPole || !clipSegment(a, b, x, y, t0, t1)) {
      open = false;
      continue;
    }
    if (!open || t0 > 0)
      pieces.push_back({along(a, b, t0)});
    pieces.back().push_back(along(a, b, t1));
    open = t1 == 1;
  }
  return pieces;
}

} // namespace findc::plot
