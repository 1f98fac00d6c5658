// The server's two transports over one Service: JSON lines on a pair of
// file descriptors (stdin/stdout), and HTTP/1.1 on a loopback address. Both
// stop cleanly on SIGTERM or SIGINT, every session log closed whole.
#pragma once

#include "serve/Service.h"

#include <chrono>
#include <csignal>
#include <cstdint>
#include <functional>
#include <string>

namespace findc::serve {

// SIGTERM and SIGINT, while it lives, delivered as readable bytes on fd()
// (a handler writing to a pipe, so whichever thread the signal lands on).
// The destructor puts the previous handlers back.
class StopSignals {
public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  int fd() const { return fds_[0]; }
  // Makes fd() readable, as a signal does: a stop asked by the program.
  void request() const;

private:
  int fds_[2] = {-1, -1};
  struct sigaction previous_[2];
};

// One request per line on `in`, one reply per line on `out`, until end of
// input or a stop signal; then every session is closed. A line longer than
// the request bound is answered `too_large` and skipped. After each reply
// it polls `in` without sleeping for up to `spin` before it blocks: a
// client that sends its next request within that time is not kept waiting
// for the scheduler to wake this thread (~20 us on these VMs, half of a
// round trip).
inline constexpr std::chrono::microseconds kDefaultSpin{200};
void serveLines(Service& service, int in, int out, const StopSignals& stop,
                std::chrono::microseconds spin = kDefaultSpin);

struct HttpAddress {
  std::string host; // an IPv4 or IPv6 literal, or "localhost"
  uint16_t port = 0;  // 0: any free port
};

// "127.0.0.1:8080", "[::1]:8080", "localhost:0". Throws InputError.
HttpAddress parseHttpAddress(const std::string& text);
bool isLoopback(const std::string& host);

// POST /v1 with a request as the body; the reply as the body, its HTTP
// status from the reply. Calls `listening` with the bound port once it
// accepts connections; returns after a stop signal, every session closed.
// Throws std::runtime_error if the address cannot be bound.
void serveHttp(Service& service, const HttpAddress& address, size_t threads, const StopSignals& stop,
               const std::function<void(uint16_t)>& listening);

} // namespace findc::serve
