#include "plot/Chart.h"

#include "plot/Draw.h"
#include "plot/Scale.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>

namespace findc::plot {
namespace {

constexpr int kWidth = 800, kHeight = 500;
constexpr double kFont = 12, kTitleFont = 14;
constexpr Color kInk{0, 0, 0}, kGrid{0.88, 0.88, 0.88}, kFrameInk{0.3, 0.3, 0.3};

// The plot area on the page and the data ranges it shows.
struct Frame {
  double left = 72, right = kWidth - 20, top = 36, bottom = kHeight - 52;
  Range x, y;
  double px(double v) const { return left + (v - x.lo) / (x.hi - x.lo) * (right - left); }
  double py(double v) const { return bottom - (v - y.lo) / (y.hi - y.lo) * (bottom - top); }
};

void clipToFrame(cairo_t* cr, const Frame& f) {
  cairo_rectangle(cr, f.left, f.top, f.right - f.left, f.bottom - f.top);
  cairo_clip(cr);
}

// Grid lines and tick labels at nice values, the frame, the axis labels.
void drawAxes(cairo_t* cr, const Frame& f, const std::string& xLabel, const std::string& yLabel, bool xTicks) {
  std::vector<double> xs = xTicks ? niceTicks(f.x) : std::vector<double>{}, ys = niceTicks(f.y);
  double xStep = xs.size() > 1 ? xs[1] - xs[0] : 1, yStep = ys.size() > 1 ? ys[1] - ys[0] : 1;
  cairo_set_line_width(cr, 1);
  setColor(cr, kGrid);
  for (double v : xs) {
    cairo_move_to(cr, std::round(f.px(v)) + 0.5, f.top);
    cairo_line_to(cr, std::round(f.px(v)) + 0.5, f.bottom);
  }
  for (double v : ys) {
    cairo_move_to(cr, f.left, std::round(f.py(v)) + 0.5);
    cairo_line_to(cr, f.right, std::round(f.py(v)) + 0.5);
  }
  cairo_stroke(cr);
  setColor(cr, kFrameInk);
  cairo_rectangle(cr, f.left + 0.5, f.top + 0.5, f.right - f.left, f.bottom - f.top);
  cairo_stroke(cr);
  setColor(cr, kInk);
  for (double v : xs)
    drawText(cr, tickLabel(v, xStep), f.px(v), f.bottom + 12, kFont, Align::Center);
  for (double v : ys)
    drawText(cr, tickLabel(v, yStep), f.left - 6, f.py(v), kFont, Align::End);
  drawText(cr, xLabel, (f.left + f.right) / 2, kHeight - 16, kFont, Align::Center);
  drawText(cr, yLabel, 16, (f.top + f.bottom) / 2, kFont, Align::Center, /*vertical=*/true);
}

void drawTitle(cairo_t* cr, const std::string& title) {
  setColor(cr, kInk);
  drawText(cr, title, kWidth / 2.0, 18, kTitleFont, Align::Center);
}

Range xExtent(const LineChart& chart) {
  if (chart.xRange)
    return {chart.xRange->first, chart.xRange->second};
  Range range{INFINITY, -INFINITY};
  for (const Series& s : chart.series)
    for (const Point& p : s.points)
      if (std::isfinite(p.x)) {
        range.lo = std::min(range.lo, p.x);
        range.hi = std::max(range.hi, p.x);
      }
  if (!(range.lo < range.hi))
    return std::isfinite(range.lo) ? Range{range.lo - 1, range.lo + 1} : Range{-1, 1};
  return range;
}

// The y range of the series that fit the scale (all of them if none has a finite point inside x).
Range yExtent(const LineChart& chart, Range x) {
  for (bool fitting : {true, false}) {
    std::vector<double> ys;
    for (const Series& s : chart.series)
      if (s.fitsScale || !fitting)
        for (const Point& p : s.points)
          if (p.x >= x.lo && p.x <= x.hi && std::isfinite(p.y))
            ys.push_back(p.y);
    if (!ys.empty())
      return robustRange(std::move(ys));
  }
  return robustRange({});
}

void setDash(cairo_t* cr, bool dashed) {
  static constexpr double kDash[] = {7, 4};
  cairo_set_dash(cr, kDash, dashed ? 2 : 0, 0);
}

void drawSeries(cairo_t* cr, const Frame& f, const Series& s) {
  setColor(cr, s.color);
  if (s.style == Style::Markers) {
    for (const Point& p : s.points)
      if (p.x >= f.x.lo && p.x <= f.x.hi && p.y >= f.y.lo && p.y <= f.y.hi) {
        cairo_new_sub_path(cr);
        cairo_arc(cr, f.px(p.x), f.py(p.y), 2, 0, 2 * std::numbers::pi);
      }
    cairo_fill(cr);
    return;
  }
  for (const std::vector<Point>& piece : clipLine(s.points, f.x, f.y)) {
    cairo_move_to(cr, f.px(piece[0].x), f.py(piece[0].y));
    for (size_t i = 1; i < piece.size(); ++i)
      cairo_line_to(cr, f.px(piece[i].x), f.py(piece[i].y));
  }
  cairo_set_line_width(cr, 2);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  setDash(cr, s.dashed);
  cairo_stroke(cr);
  setDash(cr, false);
}

// Top right inside the frame: one swatch and label per series and band.
void drawLegend(cairo_t* cr, const Frame& f, const LineChart& chart) {
  size_t entries = chart.series.size() + chart.bands.size();
  if (entries == 0)
    return;
  double width = 0;
  for (const Series& s : chart.series)
    width = std::max(width, textWidth(cr, s.label, kFont));
  for (const Band& b : chart.bands)
    width = std::max(width, textWidth(cr, b.label, kFont));
  double row = 18, boxW = width + 46, boxH = row * static_cast<double>(entries) + 8;
  double x0 = std::round(f.right - boxW - 8), y0 = std::round(f.top + 8);
  cairo_rectangle(cr, x0, y0, boxW, boxH);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
  cairo_fill_preserve(cr);
  setColor(cr, kGrid);
  cairo_set_line_width(cr, 1);
  cairo_stroke(cr);
  double y = y0 + 4 + row / 2;
  for (const Band& b : chart.bands) {
    setColor(cr, kBandColor, 0.2);
    cairo_rectangle(cr, x0 + 8, y - 6, 22, 12);
    cairo_fill(cr);
    setColor(cr, kInk);
    drawText(cr, b.label, x0 + 38, y, kFont, Align::Start);
    y += row;
  }
  for (const Series& s : chart.series) {
    setColor(cr, s.color);
    if (s.style == Style::Markers) {
      cairo_arc(cr, x0 + 19, y, 2, 0, 2 * std::numbers::pi);
      cairo_fill(cr);
    } else {
      cairo_move_to(cr, x0 + 8, y);
      cairo_line_to(cr, x0 + 30, y);
      cairo_set_line_width(cr, 2);
      setDash(cr, s.dashed);
      cairo_stroke(cr);
      setDash(cr, false);
    }
    setColor(cr, kInk);
    drawText(cr, s.label, x0 + 38, y, kFont, Align::Start);
    y += row;
  }
}

} // namespace

Format formatForPath(const std::string& path) {
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower.ends_with(".svg"))
    return Format::Svg;
  if (lower.ends_with(".png"))
    return Format::Png;
  throw PlotError("'" + path + "': a chart is written as .svg or .png, chosen by the name's extension");
}

std::string render(const LineChart& chart, Format format) {
  Canvas canvas(format, kWidth, kHeight);
  cairo_t* cr = canvas.cr();
  Frame f;
  f.x = xExtent(chart);
  f.y = yExtent(chart, f.x);
  double margin = 0.04 * (f.y.hi - f.y.lo); // the extremes clear of the frame
  f.y = {f.y.lo - margin, f.y.hi + margin};
  drawTitle(cr, chart.title);
  drawAxes(cr, f, chart.xLabel, chart.yLabel, /*xTicks=*/true);
  cairo_save(cr);
  clipToFrame(cr, f);
  for (const Band& band : chart.bands) {
    double lo = std::max(band.lo, f.x.lo), hi = std::min(band.hi, f.x.hi);
    if (lo < hi) {
      setColor(cr, kBandColor, 0.2);
      cairo_rectangle(cr, f.px(lo), f.top, f.px(hi) - f.px(lo), f.bottom - f.top);
      cairo_fill(cr);
    }
  }
  for (const Series& s : chart.series)
    drawSeries(cr, f, s);
  cairo_restore(cr);
  drawLegend(cr, f, chart);
  return canvas.finish();
}

std::string render(const BarChart& chart, Format format) {
  Canvas canvas(format, kWidth, kHeight);
  cairo_t* cr = canvas.cr();
  Frame f;
  double top = chart.yMax;
  for (const Bar& bar : chart.bars)
    if (std::isfinite(bar.value))
      top = std::max(top, bar.value);
  f.x = {0, std::max<double>(1, static_cast<double>(chart.bars.size()))};
  f.y = {0, top * 1.1};
  drawTitle(cr, chart.title);
  drawAxes(cr, f, "", chart.yLabel, /*xTicks=*/false);
  for (size_t i = 0; i < chart.bars.size(); ++i) {
    const Bar& bar = chart.bars[i];
    double value = std::isfinite(bar.value) ? std::max(0.0, bar.value) : 0;
    double center = f.px(static_cast<double>(i) + 0.5), half = 0.35 * (f.px(1) - f.px(0));
    setColor(cr, kBarColor);
    cairo_rectangle(cr, center - half, f.py(value), 2 * half, f.py(0) - f.py(value));
    cairo_fill(cr);
    setColor(cr, kInk);
    drawText(cr, bar.label, center, f.bottom + 12, kFont, Align::Center);
    drawText(cr, bar.annotation, center, f.py(value) - 10, kFont, Align::Center);
  }
  return canvas.finish();
}

} // namespace findc::plot
