#!/usr/bin/env python3
"""Differential test of the Python backend (`findc emit --stage python`).

For every function of each suite given, emits its Python module, runs all of
a suite's modules in this one Python process (each exec'd in its own
namespace as `__main__`, so FIND's frame itself runs, with sys.argv set to the
inputs and stdout captured), and compares the printed line with what
`findc call` prints for the same inputs, seed and first query: they must be
identical. Inputs: FIND's grid (x = i + 0.5, i in -128..127) and edge values
(NaN, infinities, signed zeros, overflow) for numbers; FIND-style words, the
empty string and non-ASCII text for str.

usage: diff_python_backend.py FINDC SUITE.fnd... [--seed N] [--first-query K]
exit status: 0 when every line matches, 1 otherwise.
"""
import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time

NUMBER_INPUTS = [repr(i + 0.5) for i in range(-128, 128)] + ["0", "-1", "1", "1e6", "-1e6"] + [
    "nan", "inf", "-inf", "-0.0", "0.5", "-0.5", "2", "-2", "3", "0.25", "1e300", "1e308", "-1e308", "5e-324",
    "709.8", "-745.2"]
INT_INPUTS = [str(i) for i in range(-20, 21)] + ["1000000", "-1000000"]
STR_INPUTS = ["hello", "", "Hello World", "FIND agent", "racecar", "The quick brown fox", "a1b2c3",
              "  padded  ", "UPPER lower", "héllo wörld", "日本", "ß", "x"]

PREFIX = "Function input - output pairs: "


def inputs_for(first_param_type):
    return {"real": NUMBER_INPUTS, "int": INT_INPUTS, "str": STR_INPUTS}.get(first_param_type)


def split_pairs(line, args):
    """The outputs of a call line, one per input; None if it does not parse."""
    if not line.startswith(PREFIX):
        return None
    rest, outs = line[len(PREFIX):], []
    for k, arg in enumerate(args):
        head = "(" + arg + ", "
        if not rest.startswith(head):
            return None
        rest = rest[len(head):]
        end = rest.find(") (" + args[k + 1] + ", ") if k + 1 < len(args) else len(rest) - 2
        if end < 0 or (k + 1 == len(args) and not rest.endswith(") ")):
            return None
        outs.append(rest[:end])
        rest = rest[end + 2:]
    return outs if rest == "" else None


def same_line(python_line, findc_line, args):
    """Whether the lines match: "same", or None."""
    return "same" if python_line == findc_line else None


def first_difference(findc_line, python_line, args):
    """Where two call lines first differ, for the report."""
    fc, py = split_pairs(findc_line, args), split_pairs(python_line, args)
    if fc is None or py is None:
        return f"\n    findc call: {findc_line[:300]}\n    python:     {python_line[:300]}"
    differing = [k for k, (f, p) in enumerate(zip(fc, py)) if f != p and not (p == "nan" and f == "None")]
    k = differing[0]
    return (f"{len(differing)} of {len(args)} outputs differ; first at x = {args[k]}: "
            f"findc call {fc[k]}, python {py[k]}")


def run_module(path, args):
    """The line the module's __main__ frame prints for `args`."""
    with open(path, encoding="utf-8") as source:
        code = compile(source.read(), path, "exec")
    saved_argv = sys.argv
    sys.argv = [path] + list(args)
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(code, {"__name__": "__main__", "__file__": path})
    finally:
        sys.argv = saved_argv
    return out.getvalue().rstrip("\n")


def findc_lines(findc, suite, names, args, seed, first_query):
    """findc call's line for each of `names`, in one process."""
    command = [findc, "call", suite, "--seed", str(seed), "--first-query", str(first_query)]
    for name in names:
        command += ["--fn", name]
    result = subprocess.run(command + ["--"] + args, capture_output=True, check=True)
    lines = result.stdout.decode("utf-8").split("\n")[:-1]
    if len(lines) != len(names):
        raise RuntimeError(f"findc call printed {len(lines)} lines for {len(names)} functions")
    return dict(zip(names, lines))


def check_suite(findc, suite, seed, first_query, workdir):
    listing = json.loads(subprocess.run([findc, "list", suite, "--json"], capture_output=True, check=True).stdout)
    out_dir = os.path.join(workdir, os.path.basename(suite))
    subprocess.run([findc, "emit", suite, "--stage", "python", "--out-dir", out_dir, "--seed", str(seed),
                    "--first-query", str(first_query)], check=True)
    emitted = {name[:-3] for name in os.listdir(out_dir) if name.endswith(".py")}
    groups = {}  # input type -> function names
    skipped = []
    for fn in listing["functions"]:
        params = fn["params"]
        kind = params[0]["type"] if params else None
        if inputs_for(kind) is None or fn["name"] not in emitted:
            skipped.append(fn["name"])
            continue
        groups.setdefault(kind, []).append(fn["name"])
    checked, up_to_nan, failures = 0, 0, []
    for kind, names in groups.items():
        args = inputs_for(kind)
        expected = findc_lines(findc, suite, names, args, seed, first_query)
        for name in names:
            try:
                line = run_module(os.path.join(out_dir, name + ".py"), args)
            except Exception as error:  # a module that does not even run
                line = f"<{type(error).__name__}: {error}>"
            checked += 1
            verdict = same_line(line, expected[name], args)
            up_to_nan += verdict == "same up to nan"
            if verdict is None:
                failures.append((name, expected[name], line, args))
    return checked, up_to_nan, skipped, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("findc")
    parser.add_argument("suites", nargs="+")
    parser.add_argument("--seed", type=int, default=20231)
    parser.add_argument("--first-query", type=int, default=5)
    options = parser.parse_args()
    total, bad = 0, 0
    with tempfile.TemporaryDirectory(prefix="findc-pyemit-") as workdir:
        for suite in options.suites:
            start = time.time()
            checked, up_to_nan, skipped, failures = check_suite(options.findc, suite, options.seed,
                                                                options.first_query, workdir)
            total += checked
            bad += len(failures)
            note = f", {up_to_nan} identical up to nan/None" if up_to_nan else ""
            note += f", {len(skipped)} skipped ({', '.join(skipped[:5])})" if skipped else ""
            print(f"{os.path.basename(suite)}: {checked} functions, {len(failures)} differ{note} "
                  f"({time.time() - start:.1f} s)")
            for name, expected, got, args in failures[:5]:
                print(f"  {name}: {first_difference(expected, got, args)}")
    print(f"{total - bad} of {total} functions print identical lines")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
