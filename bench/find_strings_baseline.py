#!/usr/bin/env python3
"""The CPython baseline of findc_bench_strings: FIND's own string functions.

Usage:
    python3 bench/find_strings_baseline.py --find-python PATH/TO/string_functions.py \\
        --suite SUITE.fnd --findc-outputs OUTPUTS.json [--summary FILE] \\
        [--rounds R] [--reps K] [--wall] [--examples N] [--serve]

PATH/TO/string_functions.py is FIND's
src/make_functions/make_strings/string_functions.py (repository
multimodal-interpretability/FIND). It is NOT part of this repository and none
of its code is copied here: it is imported from the given path, with empty
stand-ins for numpy and scipy.signal when they are missing (the atoms never
use them), as tests/find/make_string_expectations.py does. As there, the
module's global `str` (FIND's `import string as str`) is rebound to the
builtin, which is what FIND's released function_code.py gives the same atom
bodies.

SUITE.fnd is a suite from `findc suite generate --strings N`; every
`bench NAME(x: str) = EXPR` line is read, EXPR (calls `strings.ATOM(...)`
with the input `x` and literal parameters: strings, ints, one dict for
map_string) is checked to be nothing else and compiled to a Python lambda
that calls FIND's functions by their bare names, as FIND's generated code
does. OUTPUTS.json is written by `findc_bench_strings --dump-outputs` (or
internally when it runs this script): the inputs and findc's outcome for
every bench and input.

The script
1. evaluates every bench on every input once and compares with findc's
   outcome: equal type and value, or both raising/failing with the same
   error name (IndexError, KeyError, ValueError, TypeError) count as
   agreement; mismatches are counted and the first --examples are printed;
2. times the evaluation as findc_bench_strings does: each kind (atoms,
   compositions) cut into slices of 25 benches, a slice's time is its best of
   K passes over (bench, input) pairs (a pass calls f(x) in try/except), R
   rounds; thread CPU time (time.thread_time) or, with --wall,
   time.perf_counter.

--summary FILE gets machine-readable lines (`round ATOMS_S COMPOSITIONS_S`
per round, `agree N`, `agree_errors N`, `mismatches N`, `evaluations N`);
a human-readable report goes to stdout. Exit status: 0, or 3 when some
outcomes differ.

--serve is how findc_bench_strings runs it, to time CPython slice by slice
interleaved with its own engines: after step 1 the report goes to stdout as
lines `| TEXT`, then the counts (`agree N`, ...) and `ready`; then each line
`time NAME...` read from stdin is answered with `t SECONDS` (those benches on
every input, best of K), until `quit` or end of input. Standard library only.
"""

import argparse
import ast
import builtins
import collections
import json
import re
import statistics
import sys
import os
import time

SLICE = 25
KINDS = ("atoms", "compositions")


# ------------------------------------------------------- FIND's module
# The loader of tests/find/make_string_expectations.py (no FIND code here).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "find"))
from make_string_expectations import _ensure_numpy_scipy_importable, load_find_module  # noqa: E402


def load_released(path):
    _ensure_numpy_scipy_importable()
    module = load_find_module(path, "find_string_functions_released")
    module.str = builtins.str  # what function_code.py's header gives the same bodies
    return module


# ------------------------------------------------------- the suite

BENCH_RE = re.compile(r"^bench\s+(\w+)\s*\(\s*x\s*:\s*str\s*\)\s*=\s*(.+?)\s*$")
CATEGORY_RE = re.compile(r'^\s+category\s+"([^"]*)"')


class _ToFind(ast.NodeTransformer):
    """Checks an expression is strings.ATOM(...) calls on x and literals, and
    rewrites strings.ATOM to the bare name ATOM (FIND's generated code calls
    its functions by name)."""

    def __init__(self, module, where):
        self.module = module
        self.where = where

    def bad(self, node, why):
        raise SystemExit(f"{self.where}: unsupported expression ({why}): {ast.dump(node)}")

    def visit_Call(self, node):
        f = node.func
        if not (isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "strings"):
            self.bad(node, "only strings.NAME(...) calls")
        if not callable(getattr(self.module, f.attr, None)):
            self.bad(node, f"FIND has no function {f.attr}")
        if node.keywords:
            self.bad(node, "keyword arguments")
        args = [self.visit(a) for a in node.args]
        return ast.copy_location(ast.Call(func=ast.Name(id=f.attr, ctx=ast.Load()), args=args, keywords=[]), node)

    def visit_Name(self, node):
        if node.id != "x":
            self.bad(node, "the only variable is x")
        return node

    def visit_Constant(self, node):
        if type(node.value) not in (str, int):
            self.bad(node, "literals are strings and ints")
        return node

    def visit_UnaryOp(self, node):
        if not (isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant)
                and type(node.operand.value) is int):
            self.bad(node, "only negative int literals")
        return node

    def visit_Dict(self, node):
        for item in node.keys + node.values:
            if not (isinstance(item, ast.Constant) and type(item.value) is str):
                self.bad(node, "dict literals map strings to strings")
        return node

    def generic_visit(self, node):
        if not isinstance(node, ast.Expression):
            self.bad(node, type(node).__name__)
        return super().generic_visit(node)


def read_suite(path, module):
    """[(name, kind, source expression, function)] in file order."""
    benches = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines):
        m = BENCH_RE.match(line)
        if not m:
            if line.startswith("bench "):
                raise SystemExit(f"{path}:{n + 1}: not a one-line string bench: {line}")
            continue
        name, expr = m.groups()
        where = f"{path}:{n + 1}"
        if "\\" in expr:
            # findc's escapes are not checked to be Python's; the generator
            # never writes any (parameters are ASCII letters).
            raise SystemExit(f"{where}: string escapes are not supported: {expr}")
        category = ""
        for follow in lines[n + 1:n + 4]:
            c = CATEGORY_RE.match(follow)
            if c:
                category = c.group(1)
                break
        tree = _ToFind(module, where).visit(ast.parse(expr, mode="eval"))
        lam = ast.Expression(body=ast.Lambda(
            args=ast.arguments(posonlyargs=[], args=[ast.arg(arg="x")], kwonlyargs=[], kw_defaults=[], defaults=[]),
            body=tree.body))
        ast.fix_missing_locations(lam)
        fn = eval(compile(lam, where, "eval"), vars(module))  # the module's globals, as in FIND
        kind = 1 if "composition" in category else 0
        benches.append((name, kind, expr, fn))
    if not benches:
        raise SystemExit(f"{path}: no `bench NAME(x: str) = ...` lines")
    return benches


# ------------------------------------------------------- agreement

def type_name(value):
    if isinstance(value, bool):
        return "bool"
    for t, n in ((int, "int"), (str, "str"), (list, "list"), (float, "float"), (dict, "dict")):
        if isinstance(value, t):
            return n
    return type(value).__name__


def outcome(fn, x):
    try:
        return {"value": fn(x)}
    except Exception as exc:  # FIND's atoms raise plain built-in exceptions
        return {"error": type(exc).__name__}


def same(find, findc):
    if "error" in find or "error" in findc:
        return find.get("error") == findc.get("error")
    a, b = find["value"], findc["value"]
    if type_name(a) != type_name(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(type_name(p) == type_name(q) and p == q for p, q in zip(a, b))
    return a == b


def show(o):
    return o["error"] if "error" in o else repr(o["value"])


# ------------------------------------------------------- timing

def time_pass(fns, inputs, reps, clock):
    best = float("inf")
    for _ in range(reps):
        t0 = clock()
        for fn in fns:
            for x in inputs:
                try:
                    fn(x)
                except Exception:
                    pass
        best = min(best, clock() - t0)
    return best


def time_slices(benches, inputs, rounds, reps, clock):
    slices = []
    for kind in range(len(KINDS)):
        fns = [b[3] for b in benches if b[1] == kind]
        slices += [(kind, fns[i:i + SLICE]) for i in range(0, len(fns), SLICE)]
    per_round = []
    for r in range(rounds):
        seconds = [0.0] * len(KINDS)
        for kind, fns in slices:
            seconds[kind] += time_pass(fns, inputs, reps, clock)
        per_round.append(seconds)
        print(f"cpython round {r + 1}/{rounds} done", file=sys.stderr)
    return per_round


def serve(benches, inputs, reps, clock):
    by_name = {b[0]: b[3] for b in benches}
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            break
        if words[0] != "time":
            raise SystemExit(f"find_strings_baseline --serve: unknown command {line!r}")
        seconds = time_pass([by_name[n] for n in words[1:]], inputs, reps, clock)
        sys.stdout.write(f"t {seconds!r}\n")
        sys.stdout.flush()


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--find-python", required=True, help="FIND's string_functions.py")
    p.add_argument("--suite", required=True, help="a suite from `findc suite generate --strings N`")
    p.add_argument("--findc-outputs", required=True, help="findc_bench_strings --dump-outputs FILE")
    p.add_argument("--summary", help="machine-readable results to this file")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--wall", action="store_true", help="time.perf_counter instead of thread CPU time")
    p.add_argument("--examples", type=int, default=10, help="mismatches to print (default 10)")
    p.add_argument("--serve", action="store_true", help="time slices on request (see the module doc)")
    args = p.parse_args(argv[1:])
    # In --serve mode stdout is the protocol: report lines get a "| " prefix.
    report = (lambda text: print("| " + text)) if args.serve else print

    module = load_released(args.find_python)
    benches = read_suite(args.suite, module)
    with open(args.findc_outputs, encoding="utf-8") as f:
        findc = json.load(f)
    inputs = findc["inputs"]
    findc_by_name = {b["name"]: b["outputs"] for b in findc["benches"]}
    missing = [b[0] for b in benches if b[0] not in findc_by_name]
    if missing or len(findc_by_name) != len(benches):
        raise SystemExit(f"{args.findc_outputs} does not match {args.suite} "
                         f"({len(findc_by_name)} vs {len(benches)} benches; missing e.g. {missing[:3]})")

    report(f"find_strings_baseline: CPython {sys.version.split()[0]}, FIND {args.find_python} "
          f"(str rebound to the builtin, as in FIND's released function_code.py); "
          f"{len(benches)} benches x {len(inputs)} inputs")

    # 1. agreement
    agree = agree_errors = 0
    mismatches = []
    by_error = collections.Counter()
    mismatch_atoms = collections.Counter()
    for name, kind, expr, fn in benches:
        for x, want in zip(inputs, findc_by_name[name]):
            got = outcome(fn, x)
            if "error" in got:
                by_error[got["error"]] += 1
            if same(got, want):
                agree += 1
                agree_errors += "error" in got
            else:
                mismatches.append((name, expr, x, got, want))
                mismatch_atoms[re.match(r"strings\.(\w+)", expr).group(1)] += 1
    total = len(benches) * len(inputs)
    report(f"agreement with findc: {agree} of {total} evaluations agree ({agree_errors} of them raise the same "
          f"error in FIND as findc reports: "
          + (", ".join(f"{k} {n}" for k, n in sorted(by_error.items())) or "none")
          + f"); {len(mismatches)} mismatches")
    if mismatches:
        report("mismatches by outer atom: " + ", ".join(f"{a} {n}" for a, n in mismatch_atoms.most_common()))
        for name, expr, x, got, want in mismatches[:args.examples]:
            report(f"  MISMATCH {name} = {expr} on {x!r}: FIND {show(got)}, findc {show(want)}")

    # 2. timing
    clock = time.perf_counter if args.wall else time.thread_time
    if args.serve:
        print(f"agree {agree}\nagree_errors {agree_errors}\nmismatches {len(mismatches)}\n"
              f"evaluations {total}\nready", flush=True)
        serve(benches, inputs, args.reps, clock)
        return 3 if mismatches else 0
    per_round = time_slices(benches, inputs, args.rounds, args.reps, clock)
    counts = [sum(1 for b in benches if b[1] == k) for k in range(len(KINDS))]
    all_ns = [sum(s) * 1e9 / total for s in per_round]
    print(f"cpython timing ({'wall' if args.wall else 'thread CPU'} time, {args.rounds} rounds, best of "
          f"{args.reps} per slice of {SLICE}): {statistics.median(all_ns):.0f} ns per evaluation, "
          f"{1e9 / statistics.median(all_ns) / 1e3:.1f} thousand evaluations/s; "
          + ", ".join(f"{KINDS[k]} ({counts[k]}) "
                      f"{statistics.median([s[k] for s in per_round]) * 1e9 / max(1, counts[k] * len(inputs)):.0f} ns"
                      for k in range(len(KINDS))))

    if args.summary:
        with open(args.summary, "w") as f:
            for s in per_round:
                f.write("round " + " ".join(repr(v) for v in s) + "\n")
            f.write(f"agree {agree}\nagree_errors {agree_errors}\nmismatches {len(mismatches)}\n"
                    f"evaluations {total}\n")
    return 3 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
