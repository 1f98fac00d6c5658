#!/usr/bin/env python3
"""Checks `findc serve` against its protocol (docs/serve-protocol-v1.schema.json)
and its promises (docs/serve.md), over both transports:

- every reply the server sends, and every log record, validates against the
  schema;
- a session's lines equal `findc call --seed S --first-query Q` (FIND's noise
  counter goes on across queries), and sessions are isolated;
- agents see name, input kind and range only; metadata needs the token;
- budgets, bad, oversized and truncated requests, a client that vanishes
  mid-request: an error reply or nothing, and the server goes on;
- SIGTERM: exit 0, every session log whole and closed;
- `findc query` and its FIND shim print `findc call`'s line.

usage: check_serve.py FINDC REPO_ROOT SCRATCH_DIR
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import jsonschema

FINDC, ROOT, SCRATCH = sys.argv[1], sys.argv[2], sys.argv[3]
SUITE = os.path.join(ROOT, "examples", "find-v1-numeric.fnd")
STRINGS = os.path.join(ROOT, "examples", "find-strings.fnd")
with open(os.path.join(ROOT, "docs", "serve-protocol-v1.schema.json")) as f:
    SCHEMA = json.load(f)
REGISTRY = jsonschema.validators.Draft202012Validator


def validator(name):
    return REGISTRY({"$ref": "#/$defs/" + name, "$defs": SCHEMA["$defs"]})


REPLY, REQUEST, LOG_RECORD = validator("reply"), validator("request"), validator("logRecord")
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def call_line(fn, seed, first, inputs, suite=SUITE):
    out = subprocess.run([FINDC, "call", suite, "--engine", "interp", "--fn", fn, "--seed", str(seed),
                          "--first-query", str(first), "--", *inputs], capture_output=True, text=True, check=True)
    return out.stdout.rstrip("\n")


class Stdio:
    """A `findc serve --stdio` process, one request per line."""

    def __init__(self, suite, *options, log_dir):
        self.proc = subprocess.Popen([FINDC, "serve", suite, "--stdio", "--engine", "interp", "--log-dir", log_dir,
                                      *options], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def raw(self, line):
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        reply = json.loads(self.proc.stdout.readline())
        errors = list(REPLY.iter_errors(reply))
        check(not errors, f"reply to {line[:80]!r} fits the schema: {[e.message[:200] for e in errors[:1]]}")
        return reply

    def __call__(self, **request):
        request.setdefault("v", 1)
        check(REQUEST.is_valid(request) or request.get("_bad"), f"test request fits the schema: {request}")
        request.pop("_bad", None)
        return self.raw(json.dumps(request))

    def finish(self):
        self.proc.stdin.close()
        return self.proc.wait(timeout=60)


def read_log(log_dir, session):
    records = []
    with open(os.path.join(log_dir, session + ".jsonl")) as f:
        for line in f:
            record = json.loads(line)
            errors = list(LOG_RECORD.iter_errors(record))
            check(not errors, f"log record fits the schema: {[e.message[:200] for e in errors[:1]]}")
            records.append(record)
    return records


def check_stdio():
    logs = os.path.join(SCRATCH, "stdio-logs")
    token_file = os.path.join(SCRATCH, "token")
    with open(token_file, "w") as f:
        f.write("an-admin-token-of-some-length\n")
    s = Stdio(SUITE, "--admin-token-file", token_file, log_dir=logs)
    hello = s(op="hello", id=1)
    check(hello["ok"] and hello["id"] == 1 and hello["protocol"] == 1, "hello")

    listed = s(op="list")["functions"]
    check(len(listed) == 1000 and all(f["input"] == "number" for f in listed) and
          listed[0] == {"name": "f00000", "input": "number", "range": [-128.0, 128.0]},
          "list: the 1,000 benches, name, input kind and range only")

    # FIND's noise counter: two queries in a session are the call's queries 0-1 and 2.
    fn, seed = "f00963", 7  # square_wave with normal noise
    a = s(op="open", fn=fn, seed=seed, id="a")
    b = s(op="open", fn=fn, seed=seed)
    check(a["seed"] == seed and a["next_query"] == 0 and a["session"] != b["session"], "open")
    q1 = s(op="query", session=a["session"], inputs=[1.5, "2.50"])
    qb = s(op="query", session=b["session"], inputs=["-3"])  # another session: its own counter
    q2 = s(op="query", session=a["session"], inputs=[-3])
    check(q1["line"] == call_line(fn, seed, 0, ["1.5", "2.50"]), f"query 0-1 as findc call: {q1['line']}")
    check(q2["line"] == call_line(fn, seed, 2, ["-3"]), "query 2 continues the counter")
    check(qb["line"] == call_line(fn, seed, 0, ["-3"]), "sessions are isolated")
    check(q2["next_query"] == 3 and q1["outputs"][0] is not None, "next_query counts inputs")
    c = s(op="open", fn="f00157", seed=0)  # root: complex below 0
    qc = s(op="query", session=c["session"], inputs=[-1, 4])
    check(qc["line"] == call_line("f00157", 0, 0, ["-1", "4"]), f"a complex-valued bench: {qc['line']}")
    fresh = s(op="open", fn=fn)
    check("seed" not in fresh, "a fresh seed is not shown to an agent")
    check("seed" in s(op="open", fn=fn, token="an-admin-token-of-some-length"), "the admin sees a fresh seed")

    meta = s(op="metadata", fn=fn, _bad=True)
    check(not meta["ok"] and meta["error"]["code"] == "forbidden", "metadata needs the token")
    meta = s(op="metadata", fn=fn, token="wrong-token-of-the-same-len")
    check(not meta["ok"] and meta["error"]["code"] == "forbidden", "a wrong token is refused")
    meta = s(op="metadata", fn=fn, token="an-admin-token-of-some-length")
    check(meta["ok"] and meta["metadata"]["category"] == "square_wave", "metadata with the token")

    # Bad requests: each an error reply, and the server goes on.
    bad = [("not json", "bad_json"), ("[1, 2]", "bad_request"), ('{"op": 3}', "bad_request"),
           ('{"op": "fly"}', "unknown_op"), ('{"v": 2, "op": "hello"}', "unsupported_version"),
           ('{"op": "open", "fn": "nope"}', "unknown_function"), ('{"op": "open", "fn": "f00001", "seed": -1}', "bad_request"),
           ('{"op": "query", "session": "s-00000000000000000000000000000000", "inputs": []}', "unknown_session"),
           (json.dumps({"op": "query", "session": a["session"], "inputs": ["abc"]}), "bad_input"),
           (json.dumps({"op": "query", "session": a["session"], "inputs": [[1]]}), "bad_input"),
           (json.dumps({"op": "query", "session": a["session"], "inputs": list(range(10001))}), "too_large"),
           ('{"op": "hello", "id": {"a": 1}}', "bad_request"), ('"\\ud800"', "bad_json"), ('"text"', "bad_request")]
    for line, code in bad:
        reply = s.raw(line)
        check(not reply["ok"] and reply["error"]["code"] == code, f"{line[:60]!r} -> {code}: got {reply}")
    check(s(op="query", session=a["session"], inputs=[0.5])["next_query"] == 4, "refused queries draw nothing")
    s.proc.stdin.write("x" * (1 << 20) + "yz\n")  # past the 1 MiB bound
    s.proc.stdin.flush()
    reply = json.loads(s.proc.stdout.readline())
    check(reply["error"]["code"] == "too_large", "an oversized line is refused")
    check(s(op="hello")["ok"], "the server goes on after an oversized line")

    closed = s(op="close", session=a["session"])
    check(closed["queries"] == 4, "close counts the queries")
    again = s(op="query", session=a["session"], inputs=[1])
    check(again["error"]["code"] == "unknown_session", "a closed session is gone")
    s.proc.stdin.write('{"op": "hello", "id": "trunc"')  # truncated: no closing brace, no newline
    s.proc.stdin.close()
    last = json.loads(s.proc.stdout.readline())
    check(last["error"]["code"] == "bad_json", "a truncated last request gets an error")
    check(s.proc.wait(timeout=60) == 0, "end of input: exit 0")

    records = read_log(logs, a["session"])
    check([r["event"] for r in records] == ["open", "query", "query", "query", "close"], "the log holds every query")
    check(records[1]["line"] == q1["line"] and records[2]["first_query"] == 2, "the log holds each answer")
    # Replay: the log's seed and counters reproduce every line.
    for r in records[1:-1]:
        check(r["line"] == call_line(records[0]["fn"], records[0]["seed"], r["first_query"], r["inputs"]),
              "the log replays")
    tail = read_log(logs, b["session"])[-1]
    check(tail["event"] == "close" and tail["reason"] == "eof", "end of input closes the other sessions")


def check_budget_and_errors():
    logs = os.path.join(SCRATCH, "budget-logs")
    s = Stdio(SUITE, "--budget", "3", "--max-sessions", "2", log_dir=logs)
    a = s(op="open", fn="f00000")
    check(a["budget"] == 3, "open states the budget")
    check(s(op="query", session=a["session"], inputs=[1, 2])["remaining"] == 1, "remaining")
    over = s(op="query", session=a["session"], inputs=[1, 2])
    check(over["error"]["code"] == "budget_exhausted", "over the budget")
    check(s(op="query", session=a["session"], inputs=[1])["remaining"] == 0, "the rest of the budget")
    s(op="open", fn="f00000")
    third = s(op="open", fn="f00000")
    check(third["error"]["code"] == "too_many_sessions", "--max-sessions")
    s.finish()
    check(len(os.listdir(logs)) == 2, "a refused open leaves no log")

    # A function that raises: the line prints None there, "errors" names it.
    hypothesis = os.path.join(SCRATCH, "hypothesis.py")
    with open(hypothesis, "w") as f:
        f.write("def f(x):\n    return 1 / (x - 3)\n")
    s = Stdio(hypothesis, "--no-log", log_dir=logs)
    h = s(op="open", fn="f", seed=1)
    reply = s(op="query", session=h["session"], inputs=[3, 4])
    check(reply["line"] == "Function input - output pairs: (3, None) (4, 1.0) " and
          reply["errors"] == ["ZeroDivisionError", None] and reply["outputs"] == [None, 1.0], f"errors: {reply}")
    s.finish()

    # A str function takes strings only.
    s = Stdio(STRINGS, "--no-log", log_dir=logs)
    name = s(op="list")["functions"][0]["name"]
    h = s(op="open", fn=name, seed=0)
    reply = s(op="query", session=h["session"], inputs=["hello", "it's"])
    check(reply["line"] == call_line(name, 0, 0, ["hello", "it's"], STRINGS), "a str function's line")
    check(s(op="query", session=h["session"], inputs=[1])["error"]["code"] == "bad_input", "numbers to a str function")
    s.finish()


def post(url, body):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(url + "/v1", data, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, reply = response.status, json.load(response)
    except urllib.error.HTTPError as error:
        status, reply = error.code, json.load(error)
    errors = list(REPLY.iter_errors(reply))
    check(not errors, f"HTTP reply fits the schema: {[e.message[:200] for e in errors[:1]]}")
    return status, reply


def start_http(*options, log_dir):
    proc = subprocess.Popen([FINDC, "serve", SUITE, "--listen", "127.0.0.1:0", "--engine", "interp", "--log-dir",
                             log_dir, *options], stdout=subprocess.PIPE, text=True)
    first = proc.stdout.readline()
    check(first.startswith("listening on http://127.0.0.1:"), f"the server says where it listens: {first!r}")
    return proc, first.split()[-1]


def check_http():
    logs = os.path.join(SCRATCH, "http-logs")
    proc, url = start_http("--threads", "4", log_dir=logs)
    status, a = post(url, {"v": 1, "op": "open", "fn": "f00976", "seed": 3})  # corrupted step
    check(status == 200 and a["ok"], "open over HTTP")
    status, q = post(url, {"op": "query", "session": a["session"], "inputs": ["-50", "10"]})
    check(q["line"] == call_line("f00976", 3, 0, ["-50", "10"]), "query over HTTP as findc call")
    status, r = post(url, b"{not json")
    check(status == 400 and r["error"]["code"] == "bad_json", "bad JSON: 400")
    status, r = post(url, {"op": "query", "session": "s-" + "0" * 32, "inputs": []})
    check(status == 404 and r["error"]["code"] == "unknown_session", "unknown session: 404")
    status, r = post(url, b"x" * ((1 << 20) + 1))
    check(status == 413 and r["error"]["code"] == "too_large", "oversized body: 413")
    try:
        urllib.request.urlopen(url + "/other", timeout=30)
        check(False, "another path is an error")
    except urllib.error.HTTPError as error:
        check(error.code == 404 and json.load(error)["ok"] is False, "another path: 404 with a JSON error")

    # A client that vanishes mid-request, and one that sends half a request.
    host, port = url[len("http://"):].split(":")
    for partial in [b"POST /v1 HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"op\":", b"POST /v1 HT"]:
        with socket.create_connection((host, int(port))) as sock:
            sock.sendall(partial)
    status, hello = post(url, {"op": "hello"})
    check(status == 200 and hello["ok"], "the server goes on after broken clients")

    # findc query, and the shim FIND's harness runs in place of function_code.py.
    out = subprocess.run([FINDC, "query", "--server", url, "--fn", "f00963", "--seed", "5", "1", "-2.5"],
                         capture_output=True, text=True)
    check(out.returncode == 0 and out.stdout.rstrip("\n") == call_line("f00963", 5, 0, ["1", "-2.5"]),
          f"findc query prints findc call's line: {out.stdout!r} {out.stderr!r}")
    shim = os.path.join(SCRATCH, "function_code.py")
    subprocess.run([FINDC, "query", "--server", url, "--fn", "f00963", "--seed", "5", "--shim", shim], check=True)
    first = subprocess.run([sys.executable, shim, "1", "-2.5"], capture_output=True, text=True, check=True).stdout
    second = subprocess.run([sys.executable, shim, "7"], capture_output=True, text=True, check=True).stdout
    check(first.rstrip("\n") == call_line("f00963", 5, 0, ["1", "-2.5"]) and
          second.rstrip("\n") == call_line("f00963", 5, 2, ["7"]), "the shim's runs are queries of one session")
    out = subprocess.run([FINDC, "query", "--server", url, "--fn", "nope", "1"], capture_output=True, text=True)
    check(out.returncode == 2 and "unknown_function" in out.stderr, f"findc query reports a refusal: {out.stderr!r}")

    # SIGTERM: exit 0, the open sessions' logs closed whole.
    proc.send_signal(signal.SIGTERM)
    check(proc.wait(timeout=60) == 0, "SIGTERM: exit 0")
    records = read_log(logs, a["session"])
    check([r["event"] for r in records] == ["open", "query", "close"] and records[-1]["reason"] == "shutdown",
          "SIGTERM closes every session log")

    refused = subprocess.run([FINDC, "serve", SUITE, "--listen", "0.0.0.0:0", "--no-log"], capture_output=True,
                             text=True)
    check(refused.returncode == 2 and "--allow-remote" in refused.stderr, "a non-loopback address is refused")


def check_stdio_sigterm():
    logs = os.path.join(SCRATCH, "term-logs")
    s = Stdio(SUITE, log_dir=logs)
    a = s(op="open", fn="f00963", seed=1)
    s(op="query", session=a["session"], inputs=[1])
    s.proc.send_signal(signal.SIGTERM)  # stdin still open
    check(s.proc.wait(timeout=60) == 0, "stdio SIGTERM: exit 0")
    check(read_log(logs, a["session"])[-1]["reason"] == "shutdown", "stdio SIGTERM closes the logs")


if os.path.exists(SCRATCH):
    shutil.rmtree(SCRATCH)
os.makedirs(SCRATCH)
check_stdio()
check_budget_and_errors()
check_http()
check_stdio_sigterm()
print(f"check_serve: {len(failures)} failures")
sys.exit(1 if failures else 0)
