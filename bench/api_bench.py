#!/usr/bin/env python3
"""The Python module against the C++ API, in the same run.

    PYTHONPATH=build/python /usr/bin/python3 bench/api_bench.py --bench-api build/bench/findc_bench_api

For each function, every round times `f(x)` from Python (a float64 NumPy array
of --points points, the output a new array) and then runs findc_bench_api,
which times findc::Function::evaluate on the same points from C++; both take
the best of --reps calls after a warm-up, in thread CPU time (the evaluation
runs on the calling thread in both). Prints ns per point and the ratio
Python / C++ per round, and the median ratio. Goal: within 1.1x.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

import numpy as np

import findc

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# (suite, function, note): an expression with libm calls, a FIND function
# with noise (effects on every point), a string-free MLP network, and a sine
# in vector math.
CASES = [
    ("examples/bump_on_ramp.fnd", "bump_on_ramp", "exact", "relu + gaussian, libm exp"),
    ("examples/find-v1-numeric.fnd", "f00001", "exact", "FIND relu with poisson noise"),
    ("examples/find-v1-numeric.fnd", "f00013", "exact", "FIND MLP network (64 hidden)"),
    ("examples/sine.fnd", "sine", "vector", "a*sin(b*(x-c)), libmvec"),
]


def python_time(f, x, reps):
    f(x[:1])
    best = float("inf")
    for _ in range(reps):
        start = time.thread_time()
        f(x)
        best = min(best, time.thread_time() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench-api", required=True, help="the findc_bench_api binary")
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    x = -128.0 + 256.0 * np.arange(args.points) / args.points
    print("Python module f(x) vs C++ findc::Function::evaluate: %d points, best of %d, %d rounds, thread CPU time"
          % (args.points, args.reps, args.rounds))
    print("%-14s %-32s %12s %12s  %s" % ("function", "", "C++ ns/pt", "Python ns/pt", "Python/C++ per round (median)"))
    worst = 0.0
    for suite_path, name, math, note in CASES:
        path = os.path.join(ROOT, suite_path)
        f = findc.load(path, math=math)[name]
        ratios, cpp_times, py_times = [], [], []
        for _ in range(args.rounds):
            py = python_time(f, x, args.reps)
            out = subprocess.run([args.bench_api, path, "--fn", name, "--points", str(args.points), "--reps",
                                  str(args.reps), "--math", math], check=True, stdout=subprocess.PIPE).stdout
            cpp = float(out.split()[1])
            ratios.append(py / cpp)
            cpp_times.append(cpp)
            py_times.append(py)
        median = statistics.median(ratios)
        worst = max(worst, median)
        print("%-14s %-32s %12.2f %12.2f  %s (%.3f)" % (
            name, note, 1e9 * min(cpp_times) / args.points, 1e9 * min(py_times) / args.points,
            " ".join("%.3f" % r for r in ratios), median))
    print("worst median ratio: %.3f (goal <= 1.1)" % worst)


if __name__ == "__main__":
    sys.exit(main())
