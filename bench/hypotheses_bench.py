#!/usr/bin/env python3
"""Compiling and running agents' hypotheses: findc against Numba and CPython.

usage: bench/hypotheses_bench.py [BUILD_DIR] [--points N] [--repeats K] [--math exact|vector|fast]

For every numeric hypothesis of tests/hypotheses/numeric, in this one run:
  * findc: `findc.compile(source, name=FILE)` and `compile_all()` (the
    Python front end, sema, IR, LLVM and the JIT), then the function on
    FIND's 256-point grid and on N points (default 10^6) into an array
    made beforehand (`out=`, as Numba's loop below), on the cores it uses
    by default and on one thread (`threads=1`);
  * Numba (Debian's python3-numba, `@njit`, as a peer that also compiles
    Python): the first call of an njit'ed loop over the array (which
    compiles the hypothesis and the loop), then the same N points; files
    Numba cannot compile are counted, not timed;
  * CPython: the hypothesis called per point on the 256-point grid, as
    FIND's scorer calls it.
Prints medians and maxima, and the ratios Numba/findc (compile, per point)
and CPython/findc (grid), each over the files both ran, and the row of the
issue's example (three_piece.py: sin, exp and a line); --rows prints every
file's. Wall-clock times on a shared machine: read the ratios, not the
absolute numbers.
"""
import argparse
import importlib.util
import statistics
import sys
import time
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def load_module(path):
    spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    import contextlib
    import io
    with contextlib.redirect_stdout(io.StringIO()):
        spec.loader.exec_module(module)
    name = path.read_text().rsplit("def ")[-1].rsplit("(")[0].strip()
    return getattr(module, name)


def best(fn, repeats):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build", nargs="?", default=str(ROOT / "build"))
    parser.add_argument("--points", type=int, default=10**6)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--math", choices=["exact", "vector", "fast"], default="exact",
                        help="findc's math mode (exact: glibc's libm, as CPython; vector: libmvec; "
                             "fast: vector, reassociated as -ffast-math)")
    parser.add_argument("--rows", action="store_true", help="print each file's per-point times")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(args.build) / "python"))
    import findc
    import numba

    grid = np.arange(-128, 128) + 0.5
    many = np.linspace(-100.0, 100.0, args.points)
    findc.compile("def f(x):\n    return x\n", name="warm.py")["f"](grid)  # the JIT's one-time setup
    rows = []
    numba_failures = []
    warnings.simplefilter("ignore")
    for path in sorted((ROOT / "tests" / "hypotheses" / "numeric").glob("*.py")):
        source = path.read_text()
        t0 = time.perf_counter()
        suite = findc.compile(source, name=str(path), math=args.math)
        suite.compile_all()
        fn = suite[suite.names()[0]]
        compile_findc = time.perf_counter() - t0
        grid_findc = best(lambda: fn(grid), args.repeats)
        out = np.empty_like(many)
        many_findc = best(lambda: fn(many, out=out), args.repeats)
        alone = findc.compile(source, name=str(path), math=args.math, threads=1)
        alone_fn = alone[alone.names()[0]]
        alone_fn(many[:1])
        many_findc_1 = best(lambda: alone_fn(many, out=out), args.repeats)

        python = load_module(path)

        def per_point():
            for x in grid:
                try:
                    python(float(x))
                except Exception:
                    pass
        grid_python = best(per_point, args.repeats)

        row = {"file": path.name, "compile_findc": compile_findc, "grid_findc": grid_findc,
               "many_findc": many_findc, "many_findc_1": many_findc_1, "grid_python": grid_python}
        try:
            jitted = numba.njit(python)

            @numba.njit
            def loop(xs, out):
                for i in range(xs.size):
                    out[i] = jitted(xs[i])
            out = np.empty_like(many)
            t0 = time.perf_counter()
            loop(many[:1], out[:1])
            compile_numba = time.perf_counter() - t0
            many_numba = best(lambda: loop(many, out), args.repeats)  # raises where Python would
            row.update(compile_numba=compile_numba, many_numba=many_numba)
        except Exception as e:  # Numba's subset is not findc's
            numba_failures.append(f"{path.name}: {type(e).__name__}")
        rows.append(row)

    def summary(key, scale, unit):
        values = [r[key] * scale for r in rows if key in r]
        return f"median {statistics.median(values):.3g} {unit}, max {max(values):.3g} {unit} ({len(values)} files)"

    print(f"findc {findc.__version__ if hasattr(findc, '__version__') else ''}, Numba {numba.__version__}, "
          f"NumPy {np.__version__}, {args.points} points, best of {args.repeats}, findc math {args.math}")
    print(f"compile, findc:         {summary('compile_findc', 1e3, 'ms')}")
    print(f"compile, Numba:         {summary('compile_numba', 1e3, 'ms')}")
    print(f"256-point grid, findc:  {summary('grid_findc', 1e6, 'us')}")
    print(f"256-point grid, CPython:{summary('grid_python', 1e6, 'us')}")
    print(f"per point, findc:       {summary('many_findc', 1e9 / args.points, 'ns')}")
    print(f"  on one thread:        {summary('many_findc_1', 1e9 / args.points, 'ns')}")
    print(f"per point, Numba:       {summary('many_numba', 1e9 / args.points, 'ns')}")
    both = [r for r in rows if "compile_numba" in r]
    ns = 1e9 / args.points
    if args.rows:
        print(f"{'file':<36}{'findc':>10}{'1 thread':>10}{'Numba':>10}  ns a point")
        for r in both:
            print(f"{r['file']:<36}{r['many_findc'] * ns:>10.3f}{r['many_findc_1'] * ns:>10.3f}"
                  f"{r['many_numba'] * ns:>10.3f}")
    if both:
        median = lambda key: statistics.median(r['many_numba'] / r[key] for r in both)
        print(f"Numba/findc, median over {len(both)} files: compile "
              f"{statistics.median(r['compile_numba'] / r['compile_findc'] for r in both):.2f}x, per point "
              f"{median('many_findc'):.2f}x ({median('many_findc_1'):.2f}x on one thread) (above 1: findc faster)")
    for r in both:
        if r["file"] == "three_piece.py":
            print(f"the issue's example, three_piece.py: compile {r['compile_findc'] * 1e3:.2f} ms (Numba "
                  f"{r['compile_numba'] * 1e3:.1f} ms, {r['compile_numba'] / r['compile_findc']:.1f}x), per point "
                  f"{r['many_findc'] * ns:.2f} ns ({r['many_findc_1'] * ns:.2f} on one thread; Numba "
                  f"{r['many_numba'] * ns:.2f} ns, {r['many_numba'] / r['many_findc']:.1f}x and "
                  f"{r['many_numba'] / r['many_findc_1']:.1f}x)")
    print(f"CPython/findc on the grid, median: {statistics.median(r['grid_python'] / r['grid_findc'] for r in rows):.1f}x")
    if numba_failures:
        print(f"Numba could not compile or run {len(numba_failures)}: " + ", ".join(numba_failures))


if __name__ == "__main__":
    main()
