// The query server's protocol, independent of transport (docs/serve.md):
// one JSON request in, one JSON reply out. Sessions keep FIND's per-query
// noise counter, are isolated from each other (each behind its own lock and
// an unguessable id), and log every query and answer to their own file.
// Agents see what FIND's prompt gives (name, input kind, range); metadata
// needs the admin token.
#pragma once

#include "engine/Suite.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace findc::serve {

inline constexpr int kProtocolVersion = 1;

// Every resource a client controls has a bound (docs/serve.md).
struct Limits {
  size_t maxRequestBytes = 1 << 20; // one request (a stdio line, an HTTP body)
  size_t maxInputs = 10'000;        // inputs in one query
  size_t maxSessions = 1'024;       // open at once
  uint64_t budget = 0;              // inputs per session; 0: unbounded
};

struct ServiceOptions {
  Limits limits;
  std::optional<std::string> adminToken; // none: admin requests are refused
  std::optional<std::string> logDir;     // none: no session logs
  double rangeLo = -128, rangeHi = 128;  // the range FIND's numeric prompt states
};

struct Reply {
  std::string body; // one JSON object, no newline
  int httpStatus = 200;
};

class Service {
public:
  Service(const engine::Suite& suite, ServiceOptions options);
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Any text: a reply always comes back, an error reply for a bad request.
  Reply handle(std::string_view request);
  // A reply for a request too large to read (the transport stops reading).
  Reply tooLarge() const;
  // A reply for what is not a request at all (HTTP: another path or method).
  Reply notARequest() const;
  // Closes every session, its log ending with `reason` ("shutdown", "eof");
  // waits for queries in flight. Requests after it are refused.
  void closeAll(std::string_view reason);
  const Limits& limits() const { return options_.limits; }

private:
  struct Session;
  struct Request;
  using Handler = Reply (Service::*)(Request&);
  // Every op with its handler: dispatch, hello's list and the unknown_op
  // message read this one table.
  static std::span<const std::pair<std::string_view, Handler>> ops();
  Reply dispatch(Request& request);
  Reply hello(Request& request);
  Reply list(Request& request);
  Reply open(Request& request);
  Reply query(Request& request);
  Reply close(Request& request);
  Reply metadata(Request& request);
  bool admin(const Request& request) const;
  std::shared_ptr<Session> findSession(const Request& request);
  // Marks it closed and logs why; the caller holds its lock.
  static void closeSession(Session& session, std::string_view reason);
  // The functions an agent may query: the benches, or every function with
  // a number or str first parameter when the source has no bench.
  std::optional<uint32_t> servedFunction(std::string_view name) const;

  const engine::Suite& suite_;
  ServiceOptions options_;
  std::vector<uint32_t> served_;
  mutable std::mutex sessionsLock_;
  std::map<std::string, std::shared_ptr<Session>, std::less<>> sessions_;
  bool closed_ = false;
};

} // namespace findc::serve
