#!/usr/bin/env python3
"""Issue 12's goals in one table: runs the three benchmarks that measure them,
in one go on the same machine, and collects each goal line they print with
its measured value and met / not met:

- findc_bench_eval: the JIT in fast math (-ffast-math's contract) against C
  + glibc's libmvec at -ffast-math (per function);
- bench/serve_bench.py: server round trips over stdio and HTTP;
- findc_bench_artifact: cold compile of the suite, artifact load, a process
  per query on an artifact (findc and findc-run).

usage: bench/issue12_goals.py [BUILD_DIR] [--quick]
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(command):
    print("$ " + " ".join(command), flush=True)
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    print(done.stdout, flush=True)
    if done.returncode != 0:
        sys.exit(f"{command[0]} failed with status {done.returncode}")
    return done.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build", nargs="?", default=os.path.join(ROOT, "build"))
    parser.add_argument("--quick", action="store_true", help="fewer rounds, runs and points")
    args = parser.parse_args()
    bench = os.path.join(args.build, "bench")
    quick_eval = ["--points", "200000", "--rounds", "2", "--reps", "3", "--slow-reps", "1"] if args.quick else []
    quick_serve = ["--queries", "500"] if args.quick else []
    quick_artifact = ["--quick"] if args.quick else []

    goals = []
    out = run([os.path.join(bench, "findc_bench_eval"), *quick_eval])
    section = out[out.find("\ngoal:"):]
    for name, ratio, verdict in re.findall(r"^\s+(\S+)\s+([0-9.]+)x\s+(met|not met)$", section, re.M):
        goals.append((f"fast JIT / C -ffast-math + libmvec, {name} (<= 1.1x)", f"{ratio}x", verdict))
    out = run([sys.executable, os.path.join(ROOT, "bench", "serve_bench.py"), args.build, *quick_serve])
    for what, value, verdict in re.findall(r"^\s+(.+ round trip, median < \d+ us):\s+([0-9.]+ us)\s+(met|not met)", out, re.M):
        goals.append((what, value, verdict))
    out = run([os.path.join(bench, "findc_bench_artifact"), *quick_artifact])
    section = out[out.find("goals (issue 12)"):]
    for what, value, unit, limit, verdict in re.findall(
            r"^(.+?), median\s+([0-9.e+]+) (\S+)\s+([0-9.e+]+) \S+\s+(met|NOT MET)$", section, re.M):
        goals.append((f"{what} (< {limit} {unit})", f"{value} {unit}", verdict.lower()))

    print("issue 12's goals, measured in this run")
    width = max(len(g[0]) for g in goals)
    for what, value, verdict in goals:
        print(f"  {what:<{width}}  {value:>12}  {verdict}")


if __name__ == "__main__":
    main()
