#!/usr/bin/env python3
"""Checks findc's py_hypot (math.hypot) against CPython on many random points.

    hypot_pairs.py FINDC OUT_DIR [--groups G] [--per P] [--seed S]

CPython 3.11's math.hypot is its own algorithm (vector_norm), which differs
from glibc's hypot in the last bit at a few points in 1,000; findc's
py_hypot must give CPython's bits everywhere. G values of y (and of (y, z)
for three coordinates) are drawn, each with P values of x: uniform,
random bit patterns, every binade from subnormal to huge, integers, and x
near y (where the rounding is hardest). CPython computes math.hypot here;
findc evaluates `py_hypot(x, y)` with y bound by --params, in both engines.
Non-finite inputs are python_numbers.py's cases (they print exactly there).
Prints the counts; exits 1 on any difference.
"""
import argparse
import ctypes
import json
import math
import os
import random
import struct
import subprocess
import sys

SOURCE = """\
def h2(x: real, y: real) -> real = py_hypot(x, y)
def h3(x: real, y: real, z: real) -> real = py_hypot(x, y, z)
"""


def finite_random(rng, near=None):
    while True:
        k = rng.random()
        if near is not None and k < 0.25:
            x = near * rng.uniform(0.5, 2.0) * rng.choice([1, -1])
        elif k < 0.4:
            x = rng.uniform(-100, 100)
        elif k < 0.6:
            x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        elif k < 0.85:
            x = rng.uniform(1, 2) * 2.0 ** rng.randint(-1074, 1023) * rng.choice([1, -1])
        elif k < 0.95:
            x = float(rng.randint(-10**6, 10**6))
        else:
            x = rng.choice([0.0, -0.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1.0, 3.0, 4.0])
        if math.isfinite(x):
            return x


def run_findc(findc, path, fn, engine, params, xs):
    run = subprocess.run([findc, "eval", path, "--fn", fn, "--json", "--engine", engine,
                          "--params", json.dumps(params), "--", *[repr(x) for x in xs]],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"findc fails: {run.stderr}")
    return json.loads(run.stdout)["outputs"]


def same(expected, got):
    if got is None:  # JSON's null: not finite
        return not math.isfinite(expected)
    return struct.pack("<d", expected) == struct.pack("<d", float(got))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("findc")
    parser.add_argument("out_dir")
    parser.add_argument("--groups", type=int, default=48)
    parser.add_argument("--per", type=int, default=2100)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    path = os.path.join(args.out_dir, "hypot.fnd")
    with open(path, "w") as f:
        f.write(SOURCE)
    glibc = ctypes.CDLL("libm.so.6").hypot
    glibc.restype = ctypes.c_double
    glibc.argtypes = [ctypes.c_double, ctypes.c_double]
    compared = differ = glibc_differs = 0
    for group in range(args.groups):
        three = group % 4 == 3
        rest = [finite_random(rng) for _ in range(2 if three else 1)]
        xs = [finite_random(rng, near=rest[0]) for _ in range(args.per)]
        expected = [math.hypot(x, *rest) for x in xs]
        if not three:
            glibc_differs += sum(glibc(x, rest[0]) != e for x, e in zip(xs, expected))
        for engine in ["jit", "interp"]:
            outputs = run_findc(args.findc, path, "h3" if three else "h2", engine, rest, xs)
            for x, e, g in zip(xs, expected, outputs):
                compared += 1
                if not same(e, g):
                    differ += 1
                    if differ <= 20:
                        print(f"math.hypot({x!r}, {', '.join(map(repr, rest))}) ({engine}): CPython {e!r}, findc {g}")
    points = compared // 2
    print(f"{points} points x 2 engines ({args.groups // 4} groups of three coordinates): "
          f"{compared - differ} identical to CPython's math.hypot, {differ} differ")
    print(f"(glibc's hypot differs from CPython at {glibc_differs} of the two-coordinate points)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
