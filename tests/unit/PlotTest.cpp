// The chart arithmetic (plot/Scale.h) and the formats plot/Chart.h writes.
#include "plot/Chart.h"
#include "plot/Scale.h"

#include <gtest/gtest.h>

#include <cmath>

namespace findc::plot {
namespace {

TEST(PlotScale, RobustRangeCutsAPoleButKeepsOrdinaryData) {
  std::vector<double> ys;
  for (int i = 0; i < 1000; ++i)
    ys.push_back(std::sin(i * 0.01));
  Range plain = robustRange(ys);
  EXPECT_DOUBLE_EQ(plain.lo, *std::min_element(ys.begin(), ys.end())); // never past the data, all of it here
  EXPECT_DOUBLE_EQ(plain.hi, *std::max_element(ys.begin(), ys.end()));
  ys.push_back(1e12); // one point at a pole
  ys.push_back(NAN);
  ys.push_back(INFINITY);
  Range cut = robustRange(ys);
  EXPECT_LT(cut.hi, 2);
  EXPECT_GT(cut.hi, 0.9);
}

TEST(PlotScale, RobustRangeOfAConstantOrNothing) {
  Range constant = robustRange({5, 5, 5});
  EXPECT_LT(constant.lo, 5);
  EXPECT_GT(constant.hi, 5);
  Range none = robustRange({NAN});
  EXPECT_EQ(none.lo, -1);
  EXPECT_EQ(none.hi, 1);
}

TEST(PlotScale, NiceTicksAndLabels) {
  EXPECT_EQ(niceTicks({-128, 128}), (std::vector<double>{-100, -50, 0, 50, 100}));
  EXPECT_EQ(niceTicks({0, 1}), (std::vector<double>{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}));
  EXPECT_EQ(tickLabel(0.6000000000000001, 0.2), "0.6");
  EXPECT_EQ(tickLabel(-50, 50), "-50");
  EXPECT_EQ(tickLabel(-1e-17, 0.2), "0");
  EXPECT_EQ(tickLabel(2e7, 1e7), "2e+07");
}

TEST(PlotScale, ClipLineBreaksAtNaNAndAtAPole) {
  std::vector<Point> points = {{0, 0}, {1, 1}, {2, NAN}, {3, 1}, {4, 0.5}, {5, 100}, {6, -100}, {7, 0}};
  auto pieces = clipLine(points, {0, 7}, {-2, 2});
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].size(), 2u);                 // (0,0)-(1,1)
  EXPECT_EQ(pieces[1].size(), 3u);                 // (3,1)-(4,0.5)-up to the frame
  EXPECT_DOUBLE_EQ(pieces[1].back().y, 2);         // cut at the frame, not at 100
  EXPECT_DOUBLE_EQ(pieces[2].front().y, -2);       // from the frame below, the pole's jump left out
  EXPECT_DOUBLE_EQ(pieces[2].back().x, 7);
}

TEST(PlotChart, FormatsByExtension) {
  EXPECT_EQ(formatForPath("a/b.svg"), Format::Svg);
  EXPECT_EQ(formatForPath("B.PNG"), Format::Png);
  EXPECT_THROW(formatForPath("b.pdf"), PlotError);
  EXPECT_THROW(formatForPath("svg"), PlotError);
  LineChart chart;
  chart.series.push_back({.label = "truth", .style = Style::Line, .color = kTruthColor,
                          .points = {{0, 0}, {1, 1}}, .fitsScale = true, .dashed = false});
  EXPECT_TRUE(render(chart, Format::Svg).starts_with("<?xml"));
  EXPECT_TRUE(render(chart, Format::Png).starts_with("\x89PNG\r\n\x1a\n"));
  BarChart bars;
  bars.bars.push_back({.label = "all", .value = 0.5, .annotation = "0.5"});
  EXPECT_NE(render(bars, Format::Svg).find("</svg>"), std::string::npos);
}

} // namespace
} // namespace findc::plot
