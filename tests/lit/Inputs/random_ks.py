#!/usr/bin/env python3
"""Checks the distributions of findc's Python random draws with SciPy.

    random_ks.py FINDC OUT_DIR

findc draws Python's random and np.random from its own seeded stream, so
its values are not CPython's: each case below is a hypothesis `def f(x):
...`, evaluated by findc at SAMPLES inputs (one query each) under a fixed
seed, in both engines; the two engines must give the same bits, and the
sample must pass a Kolmogorov-Smirnov test (scipy.stats.kstest; a
chi-square test for randint's integers) against the named distribution at
significance ALPHA. CPython's own random (seeded) runs the same cases
through the same tests, which shows the tests accept a correct generator.
Also: a repeated input is a new query with a fresh draw; another seed gives
other values; the same seed and first query give the same values.
Prints one line per failure and a summary; exits 1 on any failure.
"""
import json
import os
import random
import subprocess
import sys

import numpy as np
from scipy import stats

SAMPLES = 2000
ALPHA = 0.001
SEED = 20261206

# name: (body of f(x), SciPy's distribution the values follow)
CASES = {
    "random": ("random.random()", stats.uniform(0, 1)),
    "uniform": ("random.uniform(-2.0, 5.0)", stats.uniform(-2.0, 7.0)),
    "gauss": ("random.gauss(0, 1)", stats.norm(0, 1)),
    "gauss_shifted": ("random.gauss(3.0, 0.5)", stats.norm(3.0, 0.5)),
    "normalvariate": ("random.normalvariate(-1, 2)", stats.norm(-1, 2)),
    "np_normal": ("np.random.normal(loc=1.5, scale=3.0)", stats.norm(1.5, 3.0)),
    "np_normal_default": ("np.random.normal()", stats.norm(0, 1)),
    "np_uniform": ("np.random.uniform(low=-1, high=1)", stats.uniform(-1, 2)),
    "np_rand": ("np.random.rand()", stats.uniform(0, 1)),
    "np_randn": ("np.random.randn()", stats.norm(0, 1)),
    # Two draws of one query are independent: their difference, their maximum.
    "two_draws": ("random.gauss(0, 1) - random.gauss(0, 1)", stats.norm(0, 2 ** 0.5)),
    "max_of_two": ("larger(random.random(), random.random())", stats.beta(2, 1)),
    "randint": ("random.randint(1, 6)", "randint 1 6"),
    "randint_wide": ("random.randint(-3, 4)", "randint -3 4"),
}

INPUTS = [str(float(i)) for i in range(SAMPLES)]


def source(body):
    # (max of two draws goes through a function: max(draw, draw) would draw twice)
    return f"import random\nimport numpy as np\n\ndef larger(a, b):\n    return max(a, b)\n\ndef f(x):\n    return {body}\n"


def p_value(values, distribution):
    if isinstance(distribution, str):
        _, lo, hi = distribution.split()
        counts = [sum(1 for v in values if v == k) for k in range(int(lo), int(hi) + 1)]
        if sum(counts) != len(values):
            return 0.0  # a value outside [lo, hi]
        return stats.chisquare(counts).pvalue
    return stats.kstest(values, distribution.cdf).pvalue


def findc_values(findc, path, engine, seed, inputs, first_query=0):
    run = subprocess.run([findc, "eval", path, "--json", "--engine", engine, "--seed", str(seed),
                          "--first-query", str(first_query), "--", *inputs], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"findc fails on {path}: {run.stderr}")
    record = json.loads(run.stdout)
    if record.get("seed") != seed:
        sys.exit(f"findc does not report the seed of {path}: {run.stdout[:200]}")
    return [float(v) for v in record["outputs"]]


def main(findc, out_dir):
    failures = 0
    random.seed(SEED)
    np.random.seed(SEED % 2**32)
    for name, (body, distribution) in CASES.items():
        path = os.path.join(out_dir, "case_" + name + ".py")  # not random.py: it would shadow the module
        with open(path, "w") as f:
            f.write(source(body))
        namespace = {}
        exec(source(body), namespace)
        python = [float(namespace["f"](float(x))) for x in INPUTS]
        if p_value(python, distribution) < ALPHA:
            failures += 1
            print(f"{name}: CPython's own sample fails the test (p = {p_value(python, distribution):.3g})")
        jit = findc_values(findc, path, "jit", SEED, INPUTS)
        interp = findc_values(findc, path, "interp", SEED, INPUTS)
        if jit != interp:
            failures += 1
            print(f"{name}: the engines draw different values")
        p = p_value(jit, distribution)
        if p < ALPHA:
            failures += 1
            print(f"{name}: findc's sample of {SAMPLES} fails at significance {ALPHA} (p = {p:.3g})")
    # Queries, seeds and reproducibility, on one case.
    path = os.path.join(out_dir, "case_random.py")
    repeated = findc_values(findc, path, "jit", SEED, ["1"] * 5)
    if len(set(repeated)) != 5:
        failures += 1
        print(f"a repeated input draws the same value: {repeated}")
    if findc_values(findc, path, "jit", SEED + 1, INPUTS[:5]) == findc_values(findc, path, "jit", SEED, INPUTS[:5]):
        failures += 1
        print("another seed draws the same values")
    if findc_values(findc, path, "interp", SEED, INPUTS[3:5], first_query=3) != \
            findc_values(findc, path, "jit", SEED, INPUTS[:5])[3:5]:
        failures += 1
        print("--first-query 3 does not continue the sequence of queries")
    print(f"{len(CASES)} random cases x {SAMPLES} draws: engines identical, "
          f"{'every sample passes' if failures == 0 else str(failures) + ' failures'} at significance {ALPHA}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
