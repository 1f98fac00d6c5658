// A cairo canvas that gives back SVG or PNG bytes, and the text it draws.
// Internal to findc_plot: cairo stays in this library.
#pragma once

#include "plot/Chart.h"

#include <cairo.h>

#include <memory>
#include <string>

namespace findc::plot {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

// A white page of width x height (SVG points or PNG pixels).
class Canvas {
public:
  Canvas(Format format, int width, int height);
  Canvas(const Canvas&) = delete; // the SVG stream writes into bytes_
  Canvas& operator=(const Canvas&) = delete;

  cairo_t* cr() const { return cr_.get(); }
  // The document; throws std::runtime_error with cairo's reason if drawing failed.
  std::string finish();

private:
  Format format_;
  std::string bytes_;
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface_;
  std::unique_ptr<cairo_t, ContextDeleter> cr_;
};

enum class Align : uint8_t { Start, Center, End };

// `text` with its anchor at (x, y): horizontally by `align`, vertically
// centred; turned a quarter counter-clockwise when `vertical` (an axis label).
void drawText(cairo_t* cr, const std::string& text, double x, double y, double size, Align align,
              bool vertical = false);
double textWidth(cairo_t* cr, const std::string& text, double size);

void setColor(cairo_t* cr, Color color, double alpha = 1);

} // namespace findc::plot
