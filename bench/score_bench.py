#!/usr/bin/env python3
"""`findc score` against FIND's scorer, on the same inputs, in the same run.

usage: score_bench.py [BUILD_DIR] [--repeats K] [--jobs N]

The results directory is tests/score/check_find_scores.py's: FIND v1's 1,000
numeric functions, one hypothesis each (agents' corpus, edge cases, piecewise
fits). FIND's own scorer needs torch, openai, pandas and IPython, which this
machine does not have; its loop is restated in CPython (the restatement the
test checks findc against, value for value), so the baseline is FIND's
arithmetic in the Python FIND runs, without its imports and plots.
Rows: findc score (interpreter, --jobs N, best of K, wall clock, compile of
the suite and of every hypothesis included), from the journal, with the
JIT; the restated scorer (one pass: it takes tens of seconds).
"""
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("check_find_scores", ROOT / "tests" / "score" / "check_find_scores.py")
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main():
    args = sys.argv[1:]
    repeats = int(args[args.index("--repeats") + 1]) if "--repeats" in args else 3
    jobs = args[args.index("--jobs") + 1] if "--jobs" in args else "2"
    build = Path(args[0]) if args and not args[0].startswith("--") else ROOT / "build"
    findc = str(build / "tools" / "findc" / "findc")
    suite = str(ROOT / "examples" / "find-v1-numeric.fnd")
    work = Path("/tmp") / f"findc-score-bench-{os.getpid()}"
    export, results, count, _, _, _ = check.prepare(findc, suite, work, strings=False)
    out = work / "out"
    out.mkdir()
    score = [findc, "score", suite, str(results), "-o", str(out), "--jobs", jobs]
    interp = min(timed(score + ["--fresh"]) for _ in range(repeats))
    resumed = min(timed(score) for _ in range(repeats))
    jit = timed(score + ["--fresh", "--engine", "jit"])
    start = time.perf_counter()
    check.restated(export, results, count, False, None)
    python = time.perf_counter() - start
    print(f"{count} numeric functions, one hypothesis each, --jobs {jobs}, wall clock (load average "
          f"{os.getloadavg()[0]:.1f})")
    print(f"findc score (interp), compile included: {interp:8.2f} s   best of {repeats}")
    print(f"findc score, all from the journal:      {resumed:8.2f} s")
    print(f"findc score --engine jit:               {jit:8.2f} s")
    print(f"FIND's scorer restated in CPython:       {python:8.2f} s   one pass, one core")
    print(f"CPython / findc (interp):               {python / interp:8.1f}x")


if __name__ == "__main__":
    main()
