// Charts as plain data, rendered to SVG or PNG (docs/plot.md): a line chart
// of series over x with shaded x-intervals, and a bar chart. The bytes come
// back whole; the caller writes them (through a temporary file and a rename).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace findc::plot {

// A bad chart request: an output name that is neither .svg nor .png.
class PlotError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class Format : uint8_t { Svg, Png };
// The format the extension of `path` names (.svg or .png, any case); a
// PlotError otherwise.
Format formatForPath(const std::string& path);

struct Color {
  double r = 0, g = 0, b = 0; // 0 to 1
};
// The roles' colors (matplotlib's tab10): tests find a series by its color.
inline constexpr Color kTruthColor{0x1f / 255.0, 0x77 / 255.0, 0xb4 / 255.0};      // #1f77b4
inline constexpr Color kServedColor{0xff / 255.0, 0x7f / 255.0, 0x0e / 255.0};     // #ff7f0e
inline constexpr Color kHypothesisColor{0x2c / 255.0, 0xa0 / 255.0, 0x2c / 255.0}; // #2ca02c
inline constexpr Color kBandColor{0xd6 / 255.0, 0x27 / 255.0, 0x28 / 255.0};       // #d62728, drawn at 20%
inline constexpr Color kBarColor = kTruthColor;

struct Point {
  double x = 0, y = 0; // a y that is NaN or infinite breaks a line and draws no marker
};

enum class Style : uint8_t { Line, Markers };

struct Series {
  std::string label;
  Style style = Style::Line;
  Color color;
  std::vector<Point> points; // in order of x for a line
  bool fitsScale = true;     // whether the y axis is chosen to show it (see robustRange)
  bool dashed = false;       // a line that lets one beneath it show
};

// A shaded x-interval; an infinite end reaches the frame.
struct Band {
  std::string label;
  double lo = 0, hi = 0;
};

struct LineChart {
  std::string title;
  std::string xLabel = "x", yLabel = "f(x)";
  std::optional<std::pair<double, double>> xRange; // default: the points' extent
  std::vector<Series> series;                      // drawn in order, the later on top
  std::vector<Band> bands;                         // under the series
};

struct Bar {
  std::string label;      // under the bar
  double value = 0;       // its height
  std::string annotation; // above it
};

struct BarChart {
  std::string title, yLabel;
  double yMax = 1; // the axis runs from 0 to at least this
  std::vector<Bar> bars;
};

std::string render(const LineChart& chart, Format format);
std::string render(const BarChart& chart, Format format);

} // namespace findc::plot
