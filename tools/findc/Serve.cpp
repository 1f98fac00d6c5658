// `findc serve SUITE`: the suite's functions as black boxes an agent queries
// (docs/serve.md); `findc query`: the client, FIND's line on stdout.
#include "engine/Compile.h"
#include "serve/Transport.h"
#include "tools/findc/Load.h"

#include <fmt/core.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace findc {
namespace {

const char* const kServeHelp = R"(usage: findc serve SUITE|ARTIFACT (--stdio | --listen HOST:PORT) [options]

Serves SUITE's functions (its benches; every function of a number or a str
when it has none) as black boxes: an agent opens a session on a function,
queries it with lists of inputs and gets FIND's printed line and the values,
with FIND's noise drawn per query under the session's seed. Agents see each
function's name, input kind and range only. The protocol (JSON, version 1)
is in docs/serve.md.

  --stdio                one request per line on stdin, one reply per line
                         on stdout, until end of input
  --listen HOST:PORT     HTTP/1.1: POST a request to /v1 (port 0: any free
                         port); prints `listening on http://HOST:PORT`
  --allow-remote         listen on an address that is not loopback
  --threads N            HTTP worker threads (default: cores, at least 4)
  --spin-us N            --stdio: after a reply, wait N microseconds for the
                         next request without sleeping (default 200, at most
                         1000000; 0: block at once). A waiting client is
                         answered ~20 us sooner.
  --log-dir DIR          one JSON-lines log per session, every query and
                         answer (default findc-serve-logs)
  --no-log               no session logs
  --budget N             inputs a session may query (default: unbounded)
  --max-sessions N       sessions open at once (default 1024)
  --max-request-bytes N  the largest request (default 1048576)
  --admin-token-file F   the token (F's first line) that unlocks `metadata`
                         and shows fresh seeds; without it they are refused
  --range A:B            the range `list` states for numeric functions
                         (default -128:128, FIND's prompt)
  --engine jit|interp    (default jit; each function is compiled on its
                         first query)
  --lang, --input        how SUITE is read, as for eval
  --math exact|vector|fast
                         (default exact; for an ARTIFACT, refused if it was
                         built with another)
  --source FILE          for an ARTIFACT (`findc build`): refused unless it
                         was compiled from FILE's text as it is now

SIGTERM or SIGINT stops the server; every session log ends with a close
record. Exit status 0 after a stop or end of input, 1 when SUITE does not
compile, 2 on a bad command line or an address that cannot be bound.
)";

const char* const kQueryHelp = R"(usage: findc query --server URL (--fn NAME | --session ID) X... [options]

Asks a `findc serve --listen` server (URL: http://HOST:PORT) and prints
FIND's line, `Function input - output pairs: (X1, Y1) ... `, as FIND's
function_code.py prints it for `python function_code.py X...`.

  --fn NAME        a session of its own: opened, queried once, closed
  --seed N         that session's seed (default: fresh)
  --session ID     a query in an open session (its noise counter goes on)
  --open           with --fn: open a session and print its id only
  --shim PATH      with --fn: open a session and write PATH, a Python
                   script FIND's harness can run in place of
                   function_code.py (`python PATH X...` prints FIND's line);
                   the function stays on the server
  --json           print the server's reply instead of the line
)";

struct ServeCli {
  std::string suite;
  bool stdio = false;
  std::chrono::microseconds spin = serve::kDefaultSpin;
  std::optional<std::string> listen;
  bool allowRemote = false;
  size_t threads = std::max(4u, std::thread::hardware_concurrency());
  std::optional<std::string> adminTokenFile;
  serve::ServiceOptions service;
  LoadOptions load;
  engine::ArtifactCheck artifact; // for an artifact given as SUITE
};

ServeCli parseServe(const std::vector<std::string>& args) {
  ServeCli cli;
  cli.service.logDir = "findc-serve-logs";
  std::vector<std::string> loadArgs; // --engine, --lang, --input: parsed as every command parses them
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!arg.starts_with("--")) {
      if (!cli.suite.empty())
        throw UsageError("'serve' serves one SUITE; got '" + cli.suite + "' and '" + arg + "'");
      cli.suite = arg;
      continue;
    }
    if (arg == "--stdio") { cli.stdio = true; continue; }
    if (arg == "--allow-remote") { cli.allowRemote = true; continue; }
    if (arg == "--no-log") { cli.service.logDir.reset(); continue; }
    static const char* const kValued[] = {"--listen", "--threads", "--spin-us", "--log-dir", "--budget",
                                          "--max-sessions", "--max-request-bytes", "--admin-token-file",
                                          "--range", "--engine", "--lang", "--input", "--math", "--source"};
    if (std::find(std::begin(kValued), std::end(kValued), arg) == std::end(kValued))
      throw UsageError("'serve' does not take " + arg);
    if (i + 1 >= args.size())
      throw UsageError("option " + arg + " needs a value");
    const std::string& value = args[++i];
    serve::Limits& limits = cli.service.limits;
    if (arg == "--listen") cli.listen = value;
    else if (arg == "--threads") cli.threads = std::clamp<uint64_t>(parseCount(arg, value), 1, 256);
    else if (arg == "--spin-us") cli.spin = std::chrono::microseconds(std::min<uint64_t>(parseCount(arg, value), 1'000'000));
    else if (arg == "--log-dir") cli.service.logDir = value;
    else if (arg == "--budget") limits.budget = parseCount(arg, value);
    else if (arg == "--max-sessions") limits.maxSessions = std::max<uint64_t>(1, parseCount(arg, value));
    else if (arg == "--max-request-bytes") limits.maxRequestBytes = std::clamp<uint64_t>(parseCount(arg, value), 64, 1 << 30);
    else if (arg == "--admin-token-file") cli.adminTokenFile = value;
    else if (arg == "--range") std::tie(cli.service.rangeLo, cli.service.rangeHi) = parseInterval(arg, value);
    else loadArgs.insert(loadArgs.end(), {arg, value});
  }
  if (cli.suite.empty())
    throw UsageError("'serve' needs a SUITE; run `findc serve --help`");
  if (cli.stdio == cli.listen.has_value())
    throw UsageError("'serve' needs one transport: --stdio or --listen HOST:PORT");
  Options load = parseOptions(loadArgs);
  cli.load = loadOptions(load);
  cli.artifact = artifactCheck(load);
  return cli;
}

std::string readToken(const std::string& path) {
  std::ifstream in(path);
  std::string token;
  if (!in || !std::getline(in, token))
    throw UsageError("cannot read the admin token from '" + path + "'");
  while (!token.empty() && (token.back() == '\r' || token.back() == ' '))
    token.pop_back();
  if (token.size() < 16)
    throw UsageError("the admin token in '" + path + "' is shorter than 16 characters");
  return token;
}

} // namespace

int runServe(const std::vector<std::string>& args) {
  if (wantsHelp(args)) {
    fmt::print("{}", kServeHelp);
    return kExitOk;
  }
  ServeCli cli = parseServe(args);
  std::optional<serve::HttpAddress> address;
  if (cli.listen) {
    address = serve::parseHttpAddress(*cli.listen);
    if (!serve::isLoopback(address->host) && !cli.allowRemote)
      throw UsageError("'" + address->host + "' is not a loopback address: an agent on another machine could "
                       "query the functions; pass --allow-remote to mean it");
  }
  if (cli.adminTokenFile)
    cli.service.adminToken = readToken(*cli.adminTokenFile);
  if (cli.service.logDir) {
    std::error_code error;
    std::filesystem::create_directories(*cli.service.logDir, error);
    if (error)
      throw UsageError("cannot create the log directory '" + *cli.service.logDir + "': " + error.message());
  }
  serve::StopSignals stop;
  std::signal(SIGPIPE, SIG_IGN); // a client gone mid-reply is an error on that write, not the end
  std::unique_ptr<engine::Suite> suite = compileFile(cli.suite, {.load = cli.load}, cli.artifact);
  if (!suite)
    return kExitCompileError;
  serve::Service service(*suite, cli.service);
  if (cli.stdio) {
    serve::serveLines(service, STDIN_FILENO, STDOUT_FILENO, stop, cli.spin);
    return kExitOk;
  }
  try {
    serve::serveHttp(service, *address, cli.threads, stop, [&](uint16_t port) {
      std::string host = address->host.find(':') != std::string::npos ? "[" + address->host + "]" : address->host;
      fmt::print("listening on http://{}:{}\n", host, port);
      std::fflush(stdout);
    });
  } catch (const std::runtime_error& error) {
    std::cerr << "findc: error: " << error.what() << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

// ---- findc query ----

namespace {

using Json = nlohmann::ordered_json;

struct QueryCli {
  std::string server;
  std::optional<std::string> fn, session, shim;
  std::optional<uint64_t> seed;
  bool open = false, json = false;
  std::vector<std::string> inputs;
};

QueryCli parseQuery(const std::vector<std::string>& args) {
  QueryCli cli;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      cli.inputs.insert(cli.inputs.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    }
    if (arg == "--open" || arg == "--json") {
      (arg == "--open" ? cli.open : cli.json) = true;
      continue;
    }
    bool option = arg.starts_with("--");
    if (!option) {
      cli.inputs.push_back(arg); // negative numbers too: every option starts with --
      continue;
    }
    static const char* const kValued[] = {"--server", "--fn", "--session", "--seed", "--shim"};
    if (std::find(std::begin(kValued), std::end(kValued), arg) == std::end(kValued))
      throw UsageError("'query' does not take " + arg);
    if (i + 1 >= args.size())
      throw UsageError("option " + arg + " needs a value");
    const std::string& value = args[++i];
    if (arg == "--server") cli.server = value;
    else if (arg == "--fn") cli.fn = value;
    else if (arg == "--session") cli.session = value;
    else if (arg == "--seed") cli.seed = parseCount(arg, value);
    else cli.shim = value;
  }
  if (cli.server.empty())
    throw UsageError("'query' needs --server URL (http://HOST:PORT)");
  if (cli.fn.has_value() == cli.session.has_value())
    throw UsageError("'query' needs one of --fn NAME (a session of its own) or --session ID");
  if ((cli.open || cli.shim) && !cli.fn)
    throw UsageError("--open and --shim open a session: give --fn NAME");
  return cli;
}

// One request to the server; its reply, or an error naming what went wrong.
class ServerClient {
public:
  explicit ServerClient(std::string url) : url_(std::move(url)) {
    base_ = url_.starts_with("http://") ? url_ : "http://" + url_;
    while (base_.ends_with("/"))
      base_.pop_back();
    serve::HttpAddress parsed = serve::parseHttpAddress(base_.substr(7));
    client_ = std::make_unique<httplib::Client>(parsed.host, parsed.port);
    client_->set_connection_timeout(5);
    client_->set_read_timeout(60);
  }

  Json request(Json body) {
    body["v"] = serve::kProtocolVersion;
    auto result = client_->Post("/v1", body.dump(), "application/json");
    if (!result)
      throw InputError("cannot reach the server at " + url_ + ": " + httplib::to_string(result.error()));
    Json reply;
    try {
      reply = Json::parse(result->body);
    } catch (const Json::exception&) {
      throw InputError("the server at " + url_ + " did not answer in findc's protocol (HTTP " +
                       std::to_string(result->status) + ")");
    }
    if (!reply.value("ok", false))
      throw InputError("the server refused: " + reply["error"].value("message", std::string("?")) + " (" +
                       reply["error"].value("code", std::string("?")) + ")");
    return reply;
  }

  // http://HOST:PORT, as given, without a trailing slash.
  const std::string& base() const { return base_; }

private:
  std::string url_, base_;
  std::unique_ptr<httplib::Client> client_;
};

// A stand-in for FIND's function_code.py: asks the server, prints its line.
std::string shimText(const std::string& url, const std::string& session) {
  return fmt::format(R"(#!/usr/bin/env python3
# Written by `findc query --shim`: FIND's function_code.py interface to a
# function served by `findc serve` (docs/serve.md). The function stays on the
# server; every run is a query in session {session}.
import json
import sys
import urllib.error
import urllib.request

SERVER = {url}
SESSION = {session}

body = json.dumps({{"v": 1, "op": "query", "session": SESSION, "inputs": sys.argv[1:]}}).encode()
request = urllib.request.Request(SERVER, body, {{"Content-Type": "application/json"}})
try:
    with urllib.request.urlopen(request) as response:
        reply = json.load(response)
except urllib.error.HTTPError as error:
    reply = json.load(error)
if not reply["ok"]:
    sys.exit("findc server: " + reply["error"]["message"])
print(reply["line"])
)",
                     fmt::arg("url", formatJsonString(url + "/v1")), fmt::arg("session", formatJsonString(session)));
}

} // namespace

int runQuery(const std::vector<std::string>& args) {
  if (wantsHelp(args)) {
    fmt::print("{}", kQueryHelp);
    return kExitOk;
  }
  QueryCli cli = parseQuery(args);
  ServerClient server(cli.server);
  std::string session;
  if (cli.fn) {
    Json open = {{"op", "open"}, {"fn", *cli.fn}};
    if (cli.seed)
      open["seed"] = *cli.seed;
    session = server.request(open)["session"].get<std::string>();
  } else {
    session = *cli.session;
  }
  if (cli.open) {
    fmt::print("{}\n", session);
    return kExitOk;
  }
  if (cli.shim) {
    writeWhole(*cli.shim, shimText(server.base(), session));
    ::chmod(cli.shim->c_str(), 0755);
    return kExitOk;
  }
  Json reply = server.request({{"op", "query"}, {"session", session}, {"inputs", cli.inputs}});
  if (cli.fn)
    server.request({{"op", "close"}, {"session", session}});
  fmt::print("{}\n", cli.json ? reply.dump() : reply["line"].get<std::string>());
  return kExitOk;
}

} // namespace findc
