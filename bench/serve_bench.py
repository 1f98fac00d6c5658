#!/usr/bin/env python3
"""The query server's round trips and load, against what an agent pays
without it, in the same run (issue 12's goals; docs/serve.md):

- FIND's way: one Python process per query, running the function file FIND
  would serve (`findc emit --stage python`, FIND's frame and NumPy);
- `findc call`: one findc process per query (parse, compile, evaluate);
- `findc serve --stdio` and `--listen`: a 10-point query in an open session,
  round trip measured by a Python client (json.dumps, write, read, json.loads
  included), medians and tail percentiles. Over HTTP twice: with a minimal
  keep-alive HTTP/1.1 client on a socket (the goal's figure: what the server
  and the loopback cost), and with Python's http.client, whose own request
  building and response parsing add ~50-60 us a round trip;
- load: N client processes, each with its own session, M queries each, over
  HTTP: throughput and latency percentiles.

usage: bench/serve_bench.py [BUILD_DIR] [--queries N] [--clients N] [--fn NAME]
"""
import argparse
import http.client
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITE = os.path.join(ROOT, "examples", "find-v1-numeric.fnd")
INPUTS = [str(x) for x in (-100, -57.5, -12.25, -1, 0, 0.5, 3, 19.75, 64, 127.5)]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def per_process(command, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed_queries(ask, fn, queries, warmup):
    """Opens a session on fn, warms it (the first query compiles the function),
    then times `queries` round trips of a 10-point query, in ns."""
    session = ask({"v": 1, "op": "open", "fn": fn, "seed": 1})["session"]
    query = {"v": 1, "op": "query", "session": session, "inputs": INPUTS}
    for _ in range(warmup):
        ask(query)
    times = []
    for _ in range(queries):
        start = time.perf_counter_ns()
        reply = ask(query)
        times.append(time.perf_counter_ns() - start)
        assert reply["ok"], reply
    ask({"v": 1, "op": "close", "session": session})
    return times


def stdio_round_trips(findc, fn, queries):
    proc = subprocess.Popen([findc, "serve", SUITE, "--stdio", "--no-log"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, bufsize=1)

    def ask(request):
        proc.stdin.write(json.dumps(request) + "\n")
        proc.stdin.flush()
        return json.loads(proc.stdout.readline())

    times = timed_queries(ask, fn, queries, 200)
    proc.stdin.close()
    proc.wait()
    return times


def http_client_run(url, fn, queries, warmup, results):
    host, port = url[len("http://"):].split(":")
    connection = http.client.HTTPConnection(host, int(port))

    def ask(request):
        connection.request("POST", "/v1", json.dumps(request), {"Content-Type": "application/json"})
        return json.loads(connection.getresponse().read())

    results.put(timed_queries(ask, fn, queries, warmup))


def raw_http_round_trips(url, fn, queries):
    """A keep-alive HTTP/1.1 client on one socket: the request written in one
    send, the reply read to its Content-Length (findc serve sends no chunked
    replies), its status checked."""
    host, port = url[len("http://"):].split(":")
    sock = socket.create_connection((host, int(port)))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    pending = b""

    def ask(request):
        nonlocal pending
        body = json.dumps(request).encode()
        sock.sendall(b"POST /v1 HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                     % (host.encode(), len(body)) + body)
        while b"\r\n\r\n" not in pending:
            pending += sock.recv(65536)
        head, _, rest = pending.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        assert lines[0].startswith("HTTP/1.1 200"), lines[0]
        length = next(int(line.split(":", 1)[1]) for line in lines[1:] if line.lower().startswith("content-length:"))
        while len(rest) < length:
            rest += sock.recv(65536)
        pending = rest[length:]
        return json.loads(rest[:length])

    times = timed_queries(ask, fn, queries, 200)
    sock.close()
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build", nargs="?", default=os.path.join(ROOT, "build"))
    parser.add_argument("--queries", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--fn", default="f00963")  # square_wave with normal noise
    args = parser.parse_args()
    findc = os.path.join(args.build, "tools", "findc", "findc")

    with tempfile.TemporaryDirectory() as scratch:
        script = os.path.join(scratch, "function_code.py")
        with open(script, "w") as f:
            f.write(subprocess.run([findc, "emit", SUITE, "--fn", args.fn, "--stage", "python"], check=True,
                                   capture_output=True, text=True).stdout)
        python_process = per_process([sys.executable, script, *INPUTS], 10)
    call_jit = per_process([findc, "call", SUITE, "--fn", args.fn, "--", *INPUTS], 5)
    call_interp = per_process([findc, "call", SUITE, "--fn", args.fn, "--engine", "interp", "--", *INPUTS], 5)

    stdio = stdio_round_trips(findc, args.fn, args.queries)

    server = subprocess.Popen([findc, "serve", SUITE, "--listen", "127.0.0.1:0", "--no-log"], stdout=subprocess.PIPE,
                              text=True)
    url = server.stdout.readline().split()[-1]
    raw = raw_http_round_trips(url, args.fn, args.queries)
    results = multiprocessing.Queue()
    http_client_run(url, args.fn, args.queries, 200, results)
    single = results.get()
    clients = [multiprocessing.Process(target=http_client_run, args=(url, args.fn, args.queries, 50, results))
               for _ in range(args.clients)]
    start = time.perf_counter()
    for c in clients:
        c.start()
    loaded = [t for _ in clients for t in results.get()]
    elapsed = time.perf_counter() - start
    for c in clients:
        c.join()
    server.terminate()
    server.wait()

    us = lambda ns: ns / 1000
    print(f"serve_bench: {args.fn}, 10-point queries, {args.queries} round trips per client, "
          f"{os.cpu_count()} cores, Python client (JSON encode/decode included)")
    print(f"{'path':<40}{'median':>12}{'p90':>12}{'p99':>12}")
    print(f"{'FIND: a Python process per query':<40}{python_process * 1e6:>10.0f}us")
    print(f"{'findc call (jit), a process per query':<40}{call_jit * 1e6:>10.0f}us")
    print(f"{'findc call (interp), a process per query':<40}{call_interp * 1e6:>10.0f}us")
    for name, times in [("serve --stdio", stdio), ("serve --listen (HTTP, keep-alive)", raw),
                        ("  the same through http.client", single),
                        (f"HTTP, {args.clients} clients at once (http.client)", loaded)]:
        print(f"{name:<40}{us(statistics.median(times)):>10.1f}us{us(percentile(times, 90)):>10.1f}us"
              f"{us(percentile(times, 99)):>10.1f}us")
    print(f"load: {len(loaded)} queries from {args.clients} clients in {elapsed:.2f} s "
          f"({len(loaded) / elapsed:,.0f} queries/s, client start-up included)")
    stdio_median, http_median = us(statistics.median(stdio)), us(statistics.median(raw))
    print("goals:")
    print(f"  stdio round trip, median < 50 us:  {stdio_median:.1f} us  "
          f"{'met' if stdio_median < 50 else 'not met'}  ({python_process * 1e6 / stdio_median:,.0f}x faster than "
          f"a Python process, {call_jit * 1e6 / stdio_median:,.0f}x than findc call)")
    print(f"  HTTP round trip, median < 200 us:  {http_median:.1f} us  {'met' if http_median < 200 else 'not met'}")


if __name__ == "__main__":
    main()
