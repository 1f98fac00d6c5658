// Writing a whole buffer to a file descriptor, for the session logs and the
// stdio transport.
#pragma once

#include <cerrno>
#include <string_view>
#include <unistd.h>

namespace findc::serve {

// All of `text` to `fd`, after short writes and interrupted calls; false on
// an error (errno names it).
inline bool writeAll(int fd, std::string_view text) {
  for (size_t done = 0; done < text.size();) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

} // namespace findc::serve
