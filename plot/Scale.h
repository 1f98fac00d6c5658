// The arithmetic of a chart, apart from the drawing: the y range that keeps
// a pole from flattening the rest, readable ticks, clipping lines to the frame.
#pragma once

#include "plot/Chart.h"

#include <span>
#include <string>
#include <vector>

namespace findc::plot {

struct Range {
  double lo = 0, hi = 1;
};

// The y range of `values` (non-finite ones ignored): from the 1st to the
// 99th percentile, widened by 25% of that span on each side but never past
// the smallest and largest value; a range of width 0 is widened to show its
// value. [-1, 1] without a finite value.
Range robustRange(std::vector<double> values);

// Ticks at 1, 2 or 5 times a power of ten, about `target` of them, inside `range`.
std::vector<double> niceTicks(Range range, int target = 6);
// A tick's label: as many decimals as the step needs, exponent form for
// very large or small magnitudes, never "-0".
std::string tickLabel(double value, double step);

// A line's pieces inside the frame [x, y]: consecutive finite points are
// joined, the segment clipped to the frame; a non-finite y breaks the line;
// a segment from above the frame to below it (or back) is left out, as at
// a pole. Each piece has at least two points.
std::vector<std::vector<Point>> clipLine(std::span<const Point> points, Range x, Range y);

} // namespace findc::plot
