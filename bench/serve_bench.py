#!/usr/bin/env python3
"""The query server's round trips and load, against what an agent pays
without it, in the same run (issue 12's goals; docs/serve.md):

- FIND's way: one Python process per query, running the function file FIND
  would serve (`findc emit --stage python`, FIND's frame and NumPy);
- `findc call`: one findc process per query (parse, compile, evaluate);
- `findc serve --stdio` and `--listen`: a 10-point query in an open session,
  round trip measured by a Python client (json.dumps, write, read, json.loads
  included), medians and tail percentiles;
- load: N client processes, each with its own session, M queries each, over
  HTTP: throughput and latency percentiles.

usage: bench/serve_bench.py [BUILD_DIR] [--queries N] [--clients N] [--fn NAME]
"""
import argparse
import http.client
import json
import multiprocessing
import os
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
    for name, times in [("serve --stdio", stdio), ("serve --listen (HTTP, keep-alive)", single),
                        (f"HTTP, {args.clients} clients at once", loaded)]:
        print(f"{name:<40}{us(statistics.median(times)):>10.1f}us{us(percentile(times, 90)):>10.1f}us"
              f"{us(percentile(times, 99)):>10.1f}us")
    print(f"load: {len(loaded)} queries from {args.clients} clients in {elapsed:.2f} s "
          f"({len(loaded) / elapsed:,.0f} queries/s, client start-up included)")
    stdio_median, http_median = us(statistics.median(stdio)), us(statistics.median(single))
    print("goals:")
    print(f"  stdio round trip, median < 50 us:  {stdio_median:.1f} us  "
          f"{'met' if stdio_median < 50 else 'not met'}  ({python_process * 1e6 / stdio_median:,.0f}x faster than "
          f"a Python process, {call_jit * 1e6 / stdio_median:,.0f}x than findc call)")
    print(f"  HTTP round trip, median < 200 us:  {http_median:.1f} us  {'met' if http_median < 200 else 'not met'}")


if __name__ == "__main__":
    main()
