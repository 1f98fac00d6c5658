// The standard library's source text, embedded at build time.
#pragma once

#include <span>
#include <string_view>

namespace findc {

struct StdlibModule {
  std::string_view name; // called as NAME.function(...)
  std::string_view path; // for diagnostics
  std::string_view text;
};

std::span<const StdlibModule> stdlibModules();

} // namespace findc
