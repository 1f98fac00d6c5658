#include "serve/Service.h"

#include "compiler/support/Version.h"
#include "engine/Evaluate.h"
#include "engine/Format.h"
#include "engine/Inputs.h"
#include "findc/Errors.hpp"
#include "runtime/Value.h"
#include "serve/WriteAll.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <unistd.h>

namespace findc::serve {
namespace {

using Json = nlohmann::ordered_json;

// An error reply's code and its HTTP status (docs/serve.md).
struct ErrorKind {
  const char* code;
  int httpStatus;
};
constexpr ErrorKind kBadJson{"bad_json", 400}, kBadRequest{"bad_request", 400}, kUnknownOp{"unknown_op", 400},
    kUnsupportedVersion{"unsupported_version", 400}, kBadInput{"bad_input", 400}, kForbidden{"forbidden", 403},
    kUnknownFunction{"unknown_function", 404}, kUnknownSession{"unknown_session", 404}, kTooLarge{"too_large", 413},
    kBudgetExhausted{"budget_exhausted", 429}, kTooManySessions{"too_many_sessions", 503},
    kShuttingDown{"shutting_down", 503}, kInternal{"internal", 500};

// A request that cannot be answered: becomes the error reply.
struct Refusal {
  ErrorKind kind;
  std::string message;
};

double unixTime() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

// 128 random bits: a session id no other client can guess.
std::string newSessionId() {
  std::random_device device;
  std::string id = "s-";
  for (int i = 0; i < 4; ++i)
    id += fmt::format("{:08x}", device());
  return id;
}

// Constant time in the token's length: no timing oracle for the token.
bool sameToken(std::string_view given, std::string_view expected) {
  if (given.size() != expected.size())
    return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < given.size(); ++i)
    diff |= static_cast<unsigned char>(given[i] ^ expected[i]);
  return diff == 0;
}

// An append-only JSON-lines file: each record is one write(2), so a killed
// server leaves whole lines, and every record is in the kernel on return.
class LogFile {
public:
  LogFile() = default;
  explicit LogFile(const std::string& path) : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0600)) {
    if (fd_ < 0)
      throw std::runtime_error("cannot create the session log '" + path + "': " + std::strerror(errno));
  }
  LogFile(LogFile&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  LogFile& operator=(LogFile&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  ~LogFile() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  void append(std::string line) {
    if (fd_ < 0)
      return;
    line += '\n';
    writeAll(fd_, line); // a full disk must not take the server down: the query was answered
  }

private:
  int fd_ = -1;
};

// Whether an agent gives it numbers (a real or int first parameter; its
// result may be complex) rather than strings.
bool takesNumber(const ir::Function& fn) { return !fn.params.empty() && isNumeric(fn.params[0].type); }

} // namespace

struct Service::Request {
  Json json;
  Json id; // echoed in the reply
};

struct Service::Session {
  std::string id;
  uint32_t fn;
  uint64_t seed;
  std::mutex lock; // one query at a time; closeAll waits for it
  uint64_t nextQuery = 0;
  bool closed = false;
  LogFile log;
};

Service::Service(const engine::Suite& suite, ServiceOptions options) : suite_(suite), options_(std::move(options)) {
  bool anyBench = false;
  for (uint32_t f : suite_.visible())
    anyBench |= suite_.bench(f) != nullptr;
  for (uint32_t f : suite_.visible()) {
    const ir::Function& fn = suite_.function(f);
    if (anyBench ? suite_.bench(f) != nullptr : takesNumber(fn) || fn.takesStr())
      served_.push_back(f);
  }
}

Service::~Service() { closeAll("shutdown"); }

namespace {

Reply errorReply(const Json& id, const ErrorKind& kind, std::string_view message) {
  Json reply = {{"v", kProtocolVersion}, {"id", id}, {"ok", false}};
  reply["error"] = {{"code", kind.code}, {"message", message}};
  return {dump(reply), kind.httpStatus};
}

Json okReply(const Json& id) { return {{"v", kProtocolVersion}, {"id", id}, {"ok", true}}; }

const Json& member(const Json& json, const char* name) {
  static const Json kNull;
  auto it = json.find(name);
  return it == json.end() ? kNull : *it;
}

std::string stringMember(const Json& json, const char* name) {
  const Json& value = member(json, name);
  if (!value.is_string())
    throw Refusal{kBadRequest, fmt::format("\"{}\" must be a string", name)};
  return value.get<std::string>();
}

} // namespace

Reply Service::tooLarge() const {
  return errorReply(nullptr, kTooLarge,
                    fmt::format("a request is at most {} bytes (docs/serve.md)", options_.limits.maxRequestBytes));
}

Reply Service::handle(std::string_view text) {
  if (text.size() > options_.limits.maxRequestBytes)
    return tooLarge();
  Request request;
  try {
    request.json = Json::parse(text);
  } catch (const Json::exception& error) {
    return errorReply(nullptr, kBadJson, fmt::format("not JSON: {}", error.what()));
  }
  if (!request.json.is_object())
    return errorReply(nullptr, kBadRequest, "a request is a JSON object");
  request.id = member(request.json, "id");
  if (request.id.is_structured())
    return errorReply(nullptr, kBadRequest, "\"id\" must be a string, a number or null");
  try {
    return dispatch(request);
  } catch (const Refusal& refusal) {
    return errorReply(request.id, refusal.kind, refusal.message);
  } catch (const std::exception& error) {
    return errorReply(request.id, kInternal, error.what());
  }
}

Reply Service::notARequest() const {
  return errorReply(nullptr, kBadRequest, "POST a request to /v1 (docs/serve.md)");
}

std::span<const std::pair<std::string_view, Service::Handler>> Service::ops() {
  static constexpr std::pair<std::string_view, Handler> kOps[] = {
      {"hello", &Service::hello}, {"list", &Service::list},   {"open", &Service::open},
      {"query", &Service::query}, {"close", &Service::close}, {"metadata", &Service::metadata}};
  return kOps;
}

Reply Service::dispatch(Request& request) {
  const Json& version = member(request.json, "v");
  if (!version.is_null() && version != kProtocolVersion)
    throw Refusal{kUnsupportedVersion, fmt::format("this server speaks protocol version {}", kProtocolVersion)};
  std::string op = stringMember(request.json, "op");
  std::string names;
  for (const auto& [name, handler] : ops()) {
    if (op == name)
      return (this->*handler)(request);
    names += (names.empty() ? "" : ", ") + std::string(name);
  }
  throw Refusal{kUnknownOp, "unknown op '" + op + "' (" + names + ")"};
}

bool Service::admin(const Request& request) const {
  const Json& token = member(request.json, "token");
  return options_.adminToken && token.is_string() && sameToken(token.get<std::string>(), *options_.adminToken);
}

std::optional<uint32_t> Service::servedFunction(std::string_view name) const {
  std::optional<uint32_t> f = suite_.find(name);
  if (f && std::find(served_.begin(), served_.end(), *f) != served_.end())
    return f;
  return std::nullopt;
}

Reply Service::hello(Request& request) {
  Json reply = okReply(request.id);
  reply["protocol"] = kProtocolVersion;
  reply["findc"] = kVersion;
  Json names = Json::array();
  for (const auto& op : ops())
    names.push_back(op.first);
  reply["ops"] = std::move(names);
  return {dump(reply)};
}

Reply Service::list(Request& request) {
  Json functions = Json::array();
  for (uint32_t f : served_) {
    const ir::Function& fn = suite_.function(f);
    bool numbers = takesNumber(fn);
    Json entry = {{"name", fn.name}, {"input", numbers ? "number" : "str"}};
    entry["range"] = numbers ? Json{options_.rangeLo, options_.rangeHi} : Json(nullptr);
    functions.push_back(std::move(entry));
  }
  Json reply = okReply(request.id);
  reply["functions"] = std::move(functions);
  return {dump(reply)};
}

Reply Service::open(Request& request) {
  std::string name = stringMember(request.json, "fn");
  std::optional<uint32_t> fn = servedFunction(name);
  if (!fn)
    throw Refusal{kUnknownFunction, "no function '" + name + "' is served (op list names them)"};
  const Json& seedJson = member(request.json, "seed");
  if (!seedJson.is_null() && !seedJson.is_number_unsigned())
    throw Refusal{kBadRequest, "\"seed\" must be a non-negative integer"};
  auto session = std::make_shared<Session>();
  session->id = newSessionId();
  session->fn = *fn;
  session->seed = seedJson.is_null() ? engine::freshSeed() : seedJson.get<uint64_t>();
  {
    // Checked, logged and registered in one step: a refused open leaves no
    // log, and closeAll cannot run between the log's open record and the
    // session's registration (which would leave a log without its close).
    std::lock_guard guard(sessionsLock_);
    if (closed_)
      throw Refusal{kShuttingDown, "the server is shutting down"};
    if (sessions_.size() >= options_.limits.maxSessions)
      throw Refusal{kTooManySessions,
                    fmt::format("{} sessions are open, the most this server keeps: close one", sessions_.size())};
    if (options_.logDir) {
      session->log = LogFile(*options_.logDir + "/" + session->id + ".jsonl");
      Json record = {{"event", "open"},        {"time", unixTime()}, {"session", session->id},
                     {"fn", name},             {"seed", session->seed}, {"protocol", kProtocolVersion},
                     {"findc", kVersion}};
      if (options_.limits.budget)
        record["budget"] = options_.limits.budget;
      session->log.append(dump(record));
    }
    sessions_.emplace(session->id, session);
  }
  Json reply = okReply(request.id);
  reply["session"] = session->id;
  reply["fn"] = name;
  reply["next_query"] = 0;
  reply["budget"] = options_.limits.budget ? Json(options_.limits.budget) : Json(nullptr);
  if (admin(request) || !seedJson.is_null())
    reply["seed"] = session->seed; // a fresh seed stays in the log unless the admin asks
  return {dump(reply)};
}

std::shared_ptr<Service::Session> Service::findSession(const Request& request) {
  std::string id = stringMember(request.json, "session");
  std::lock_guard guard(sessionsLock_);
  auto it = sessions_.find(id);
  if (it == sessions_.end())
    throw Refusal{closed_ ? kShuttingDown : kUnknownSession, "no open session '" + id + "'"};
  return it->second;
}

Reply Service::query(Request& request) {
  std::shared_ptr<Session> session = findSession(request);
  const Json& inputs = member(request.json, "inputs");
  if (!inputs.is_array())
    throw Refusal{kBadRequest, "\"inputs\" must be an array"};
  if (inputs.size() > options_.limits.maxInputs)
    throw Refusal{kTooLarge, fmt::format("a query has at most {} inputs", options_.limits.maxInputs)};
  const ir::Function& fn = suite_.function(session->fn);
  bool numbers = takesNumber(fn);
  // Each input as FIND's argv would hold it: numbers as Python prints them.
  engine::TextInputs texts;
  for (const Json& input : inputs) {
    if (input.is_string()) {
      std::string text = input.get<std::string>();
      if (numbers && !engine::parseNumber(text))
        throw Refusal{kBadInput, "'" + fn.name + "' takes numbers; '" + text + "' is not one"};
      texts.add(std::move(text));
    } else if (input.is_number() && numbers) {
      double x = input.get<double>();
      texts.add(x, input.is_number_integer() ? input.dump() : formatPython(Scalar::ofReal(x)));
    } else {
      throw Refusal{kBadInput, fmt::format("'{}' takes {}: got {}", fn.name, numbers ? "numbers (or their text)" : "strings",
                                           dump(input))};
    }
  }

  std::lock_guard guard(session->lock);
  if (session->closed)
    throw Refusal{kUnknownSession, "session '" + session->id + "' is closed"};
  uint64_t budget = options_.limits.budget;
  if (budget && session->nextQuery + texts.texts.size() > budget)
    throw Refusal{kBudgetExhausted, fmt::format("the session's budget is {} inputs; {} remain", budget,
                                                budget - session->nextQuery)};
  rt::Arena arena;
  engine::Outputs outputs;
  uint64_t firstQuery = session->nextQuery;
  try {
    outputs = engine::evaluateTexts(suite_, session->fn, texts, std::nullopt,
                                    {.apply = true, .seed = session->seed, .firstQuery = firstQuery}, arena);
  } catch (const InputError& error) {
    throw Refusal{kBadInput, error.what()};
  }
  session->nextQuery += texts.texts.size();

  // Built by hand: this is the hot path, and every piece is JSON text already.
  std::string line = engine::formatFindLine(texts.texts, outputs);
  std::string values, errors, inputTexts;
  for (size_t i = 0; i < outputs.size(); ++i) {
    const char* comma = i ? "," : "";
    values += comma + (outputs.failed(i) ? std::string("null") : engine::formatJsonValue(outputs.values[i]));
    errors += comma + (outputs.failed(i) ? formatJsonString(rt::errorName(outputs.errors[i])) : std::string("null"));
    inputTexts += comma + formatJsonString(texts.texts[i]);
  }
  std::string errorsMember = outputs.anyFailed() ? ",\"errors\":[" + errors + "]" : "";
  std::string remaining = budget ? fmt::format(",\"remaining\":{}", budget - session->nextQuery) : "";
  session->log.append(fmt::format(
      "{{\"event\":\"query\",\"time\":{:.6f},\"first_query\":{},\"inputs\":[{}],\"line\":{},"
      "\"outputs\":[{}]{}}}",
      unixTime(), firstQuery, inputTexts, formatJsonString(line), values, errorsMember));
  // The same members, and spacing, as the replies built with nlohmann::json.
  return {fmt::format("{{\"v\":{},\"id\":{},\"ok\":true,\"line\":{},\"outputs\":[{}]{},\"next_query\":{}{}}}",
                      kProtocolVersion, dump(request.id), formatJsonString(line), values, errorsMember,
                      session->nextQuery, remaining)};
}

Reply Service::close(Request& request) {
  std::shared_ptr<Session> session = findSession(request);
  {
    std::lock_guard guard(sessionsLock_);
    sessions_.erase(session->id);
  }
  std::lock_guard guard(session->lock);
  if (session->closed)
    throw Refusal{kUnknownSession, "session '" + session->id + "' is closed"};
  closeSession(*session, "client");
  Json reply = okReply(request.id);
  reply["session"] = session->id;
  reply["queries"] = session->nextQuery;
  return {dump(reply)};
}

Reply Service::metadata(Request& request) {
  if (!admin(request))
    throw Refusal{kForbidden, options_.adminToken ? "metadata needs the admin token (\"token\")"
                                                  : "this server was started without an admin token"};
  std::string name = stringMember(request.json, "fn");
  std::optional<uint32_t> fn = servedFunction(name);
  if (!fn)
    throw Refusal{kUnknownFunction, "no function '" + name + "' is served"};
  Json reply = okReply(request.id);
  reply["metadata"] = Json::parse(engine::formatMetadataJson(suite_, *fn));
  return {dump(reply)};
}

void Service::closeAll(std::string_view reason) {
  std::map<std::string, std::shared_ptr<Session>, std::less<>> sessions;
  {
    std::lock_guard guard(sessionsLock_);
    closed_ = true;
    sessions.swap(sessions_);
  }
  for (auto& [id, session] : sessions) {
    std::lock_guard guard(session->lock); // a query in flight finishes and logs first
    if (!session->closed)
      closeSession(*session, reason);
  }
}

void Service::closeSession(Session& session, std::string_view reason) {
  session.closed = true;
  session.log.append(
      dump(Json{{"event", "close"}, {"time", unixTime()}, {"reason", reason}, {"queries", session.nextQuery}}));
}

} // namespace findc::serve
