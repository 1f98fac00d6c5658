// findc's version, as every output that records it writes it (the CLI's
// --version, findc-score.json, the server's hello, the APIs). CMake defines
// FINDC_VERSION from project(VERSION) for every findc target.
#pragma once

#include <string_view>

namespace findc {

inline constexpr std::string_view kVersion = FINDC_VERSION;

} // namespace findc
