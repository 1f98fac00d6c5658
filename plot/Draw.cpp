#include "plot/Draw.h"

#include <cairo-svg.h>

#include <numbers>
#include <stdexcept>

namespace findc::plot {
namespace {

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cannot draw the ") + what + ": " + cairo_status_to_string(status));
}

void selectFont(cairo_t* cr, double size) {
  cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
}

} // namespace

Canvas::Canvas(Format format, int width, int height) : format_(format) {
  surface_.reset(format == Format::Svg
                     ? cairo_svg_surface_create_for_stream(appendBytes, &bytes_, width, height)
                     : cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  check(cairo_surface_status(surface_.get()), "page");
  cr_.reset(cairo_create(surface_.get()));
  check(cairo_status(cr_.get()), "page");
  cairo_set_source_rgb(cr_.get(), 1, 1, 1);
  cairo_paint(cr_.get());
}

std::string Canvas::finish() {
  check(cairo_status(cr_.get()), "chart");
  cr_.reset();
  cairo_surface_flush(surface_.get());
  if (format_ == Format::Png)
    check(cairo_surface_write_to_png_stream(surface_.get(), appendBytes, &bytes_), "PNG");
  cairo_surface_finish(surface_.get()); // the SVG stream's last bytes
  check(cairo_surface_status(surface_.get()), "chart");
  surface_.reset();
  return std::move(bytes_);
}

double textWidth(cairo_t* cr, const std::string& text, double size) {
  selectFont(cr, size);
  cairo_text_extents_t extents;
  cairo_text_extents(cr, text.c_str(), &extents);
  return extents.x_advance;
}

void drawText(cairo_t* cr, const std::string& text, double x, double y, double size, Align align, bool vertical) {
  selectFont(cr, size);
  cairo_text_extents_t extents;
  cairo_text_extents(cr, text.c_str(), &extents);
  double dx = align == Align::Start ? 0 : align == Align::Center ? -extents.x_advance / 2 : -extents.x_advance;
  cairo_save(cr);
  cairo_translate(cr, x, y);
  if (vertical)
    cairo_rotate(cr, -std::numbers::pi / 2);
  cairo_move_to(cr, dx, size * 0.35); // about half a cap height below: centred
  cairo_show_text(cr, text.c_str());
  cairo_restore(cr);
}

void setColor(cairo_t* cr, Color color, double alpha) {
  if (alpha >= 1)
    cairo_set_source_rgb(cr, color.r, color.g, color.b);
  else
    cairo_set_source_rgba(cr, color.r, color.g, color.b, alpha);
}

} // namespace findc::plot
