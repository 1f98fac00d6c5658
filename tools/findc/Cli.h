// What the findc subcommands share: usage errors and option values.
#pragma once

#include <charconv>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace findc {

// A bad command line: `findc: error: ...`, exit status 2.
class UsageError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline uint64_t parseCount(const std::string& option, const std::string& text) {
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    throw UsageError(option + " expects a non-negative integer, got '" + text + "'");
  return value;
}

} // namespace findc
