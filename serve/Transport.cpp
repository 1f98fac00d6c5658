#include "serve/Transport.h"

#include "findc/Errors.hpp"
#include "serve/WriteAll.h"

#include <httplib.h>

#include <arpa/inet.h>
#include <atomic>
#include <fcntl.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace findc::serve {
namespace {

void writeReply(int fd, const Reply& reply) {
  if (!writeAll(fd, reply.body + "\n"))
    throw std::runtime_error(std::string("cannot write a reply: ") + std::strerror(errno));
}

// Where the handler writes. A signal handler can reach nothing else: this is
// the one piece of process state, set while a StopSignals lives.
std::atomic<int> stopPipeWriteEnd{-1};

extern "C" void onStopSignal(int) {
  int saved = errno;
  if (int fd = stopPipeWriteEnd.load(); fd >= 0)
    [[maybe_unused]] ssize_t n = ::write(fd, "s", 1);
  errno = saved;
}

} // namespace

StopSignals::StopSignals() {
  if (::pipe2(fds_, O_CLOEXEC | O_NONBLOCK) != 0)
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  stopPipeWriteEnd.store(fds_[1]);
  struct sigaction action = {};
  action.sa_handler = onStopSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  ::sigaction(SIGTERM, &action, &previous_[0]);
  ::sigaction(SIGINT, &action, &previous_[1]);
}

void StopSignals::request() const { [[maybe_unused]] ssize_t n = ::write(fds_[1], "r", 1); }

StopSignals::~StopSignals() {
  ::sigaction(SIGTERM, &previous_[0], nullptr);
  ::sigaction(SIGINT, &previous_[1], nullptr);
  stopPipeWriteEnd.store(-1);
  ::close(fds_[0]);
  ::close(fds_[1]);
}

// poll(fds, 2, -1), polling without sleeping for `spin` first.
int awaitInput(pollfd (&fds)[2], std::chrono::microseconds spin) {
  for (auto until = std::chrono::steady_clock::now() + spin; std::chrono::steady_clock::now() < until;)
    if (int ready = ::poll(fds, 2, 0); ready != 0)
      return ready;
  return ::poll(fds, 2, -1);
}

void serveLines(Service& service, int in, int out, const StopSignals& stop, std::chrono::microseconds spin) {
  const size_t limit = service.limits().maxRequestBytes;
  std::string pending;    // bytes of the line being read
  bool skipping = false;  // inside a line already answered too_large
  const char* reason = "eof";
  auto answer = [&](std::string_view line) {
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos)
      return; // blank lines are not requests
    writeReply(out, service.handle(line));
  };
  char buffer[1 << 16];
  for (;;) {
    pollfd fds[] = {{in, POLLIN, 0}, {stop.fd(), POLLIN, 0}};
    if (awaitInput(fds, spin) < 0) {
      if (errno == EINTR)
        continue;
      throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
    }
    if (fds[1].revents & POLLIN) {
      reason = "shutdown";
      break;
    }
    ssize_t n = ::read(in, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
      continue;
    if (n <= 0) { // end of input: a last line without its newline is still a request
      if (!skipping)
        answer(pending);
      break;
    }
    // Each piece up to a newline (or the chunk's end) joins the line, unless
    // the line outgrows the bound: then it is answered too_large once and
    // the rest of it is skipped.
    for (std::string_view chunk(buffer, static_cast<size_t>(n));;) {
      size_t newline = chunk.find('\n');
      std::string_view piece = chunk.substr(0, newline);
      if (!skipping && pending.size() + piece.size() > limit) {
        writeReply(out, service.tooLarge());
        pending.clear();
        skipping = true;
      } else if (!skipping) {
        pending.append(piece);
      }
      if (newline == std::string_view::npos)
        break;
      if (!skipping)
        answer(pending);
      pending.clear();
      skipping = false;
      chunk.remove_prefix(newline + 1);
    }
  }
  service.closeAll(reason);
}

HttpAddress parseHttpAddress(const std::string& text) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon + 1 == text.size())
    throw InputError("--listen expects HOST:PORT (e.g. 127.0.0.1:8080), got '" + text + "'");
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  std::string portText = text.substr(colon + 1);
  if (portText.find_first_not_of("0123456789") != std::string::npos || portText.size() > 5 ||
      std::stoul(portText) > 65535)
    throw InputError("--listen: '" + portText + "' is not a port number (0 to 65535)");
  unsigned char address[16];
  if (host != "localhost" && ::inet_pton(AF_INET, host.c_str(), address) != 1 &&
      ::inet_pton(AF_INET6, host.c_str(), address) != 1)
    throw InputError("--listen: '" + host + "' is not an IP address (or localhost)");
  return {host, static_cast<uint16_t>(std::stoul(portText))};
}

bool isLoopback(const std::string& host) {
  unsigned char address[16];
  if (host == "localhost")
    return true;
  if (::inet_pton(AF_INET, host.c_str(), address) == 1)
    return address[0] == 127;
  return host == "::1" || host == "0:0:0:0:0:0:0:1";
}

void serveHttp(Service& service, const HttpAddress& address, size_t threads, const StopSignals& stop,
               const std::function<void(uint16_t)>& listening) {
  httplib::Server server;
  // httplib owns the pool it gets from this factory (its API takes a raw pointer).
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(service.limits().maxRequestBytes);
  server.set_keep_alive_max_count(100'000);
  server.set_tcp_nodelay(true); // a reply is headers then body: Nagle would hold the body for the ACK (40 ms)
  server.Post("/v1", [&](const httplib::Request& request, httplib::Response& response) {
    Reply reply = service.handle(request.body);
    response.status = reply.httpStatus;
    response.set_content(reply.body, "application/json");
  });
  server.set_error_handler([&](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty())
      return;
    Reply reply = response.status == 413 ? service.tooLarge() : service.notARequest();
    response.set_content(reply.body, "application/json");
  });
  int port = address.port ? (server.bind_to_port(address.host, address.port) ? address.port : -1)
                          : server.bind_to_any_port(address.host);
  if (port < 0)
    throw std::runtime_error("cannot listen on " + address.host + ":" + std::to_string(address.port) + ": " +
                             std::strerror(errno));
  std::thread watcher([&] { // a signal stops the server; so does listen's own end, below
    pollfd fds[] = {{stop.fd(), POLLIN, 0}};
    while (::poll(fds, 1, -1) < 0 && errno == EINTR) {
    }
    server.stop();
  });
  listening(static_cast<uint16_t>(port));
  bool ok = server.listen_after_bind();
  stop.request(); // listen may have ended on an error: the watcher must end too
  watcher.join();
  service.closeAll("shutdown");
  if (!ok)
    throw std::runtime_error("the HTTP server stopped on an error");
}

} // namespace findc::serve
