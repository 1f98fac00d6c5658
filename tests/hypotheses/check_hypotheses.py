#!/usr/bin/env python3
"""Runs every hypothesis of the corpus in CPython and in findc, and compares.

usage: check_hypotheses.py FINDC CORPUS_DIR [--engines jit,interp]

CORPUS_DIR/numeric/*.py are functions of a float, CORPUS_DIR/strings/*.py
functions of a str, written as LLM agents write FIND hypotheses. For each
file, in this one Python process: the file is executed as FIND's scorer
loads it (its top-level code runs; what it prints is discarded), the
function is the name after the last "def " (FIND's rule), and it is called
at the inputs below (numeric: `function(float(x))`). findc evaluates the
same file (`findc eval FILE --json`, each engine) and both must agree at
every input:
  * a raise in Python is an error in findc, of the same kind (a returned
    None is findc's TypeError, printed None by both);
  * ints, bools and strs are equal with their types; floats equal bit for
    bit, except that a file using NumPy or SciPy may differ by at most 4
    ulp where NumPy's SIMD loops differ from glibc (counted apart);
    complex values part by part; a non-finite float is JSON's null;
  * a Python int that findc gives as an equal float (`min(x, 10)` is the
    int 10 in Python: findc keeps one kind per value) is counted apart;
  * for numeric files where every value matched exactly, `findc call`'s
    line equals the line FIND's frame prints, character for character
    (nan, inf, complex, None).
Expected values come from CPython at test time: nothing is typed by hand.
Exits 1 on any difference or a file findc does not compile.
"""
import argparse
import contextlib
import importlib.util
import io
import json
import math
import struct
import subprocess
import sys
from pathlib import Path

NUMERIC_INPUTS = [str(i + 0.5) for i in range(-128, 128, 4)] + [
    "0", "-0", "1", "-1", "2", "-4", "3", "5", "10", "12.5", "1e6", "-1e6", "1e200", "-1e200", "1e-300"]
STRING_INPUTS = ["hello", "Hello World", "", "a", "ab", "banana", "Mississippi", "12345", "abc123", "  padded  ",
                 "MiXeD CaSe", "café", "日本語", "The quick brown fox", "xyz", "racecar", "tab\there", "lllll"]


def entry_name(text):
    """FIND's rule: code.rsplit('def ')[-1].rsplit('(')[0]."""
    return text.rsplit("def ")[-1].rsplit("(")[0].strip()


def python_results(path, inputs, numeric):
    text = path.read_text()
    spec = importlib.util.spec_from_file_location(f"hypothesis_{path.parent.name}_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    with contextlib.redirect_stdout(io.StringIO()):
        spec.loader.exec_module(module)
    function = getattr(module, entry_name(text))
    results = []
    for x in inputs:
        try:
            value = function(float(x) if numeric else x)
            results.append(("value", value))
        except Exception as e:  # the kind is compared with findc's
            results.append(("error", type(e).__name__))
    return results


def ulps(a, b):
    def ordered(v):
        n = struct.unpack("<q", struct.pack("<d", v))[0]
        return n if n >= 0 else -(n & 0x7FFFFFFFFFFFFFFF)
    return abs(ordered(a) - ordered(b))


def compare(python, findc_value, findc_error, tolerant):
    """'exact', 'ulp' (within 4 ulp), or a reason they differ."""
    kind, value = python
    if kind == "error" or value is None:
        expected = value if kind == "error" else "TypeError"  # None: findc's TypeError
        return "exact" if findc_error == expected else f"Python {kind} {value!r}, findc {findc_error or findc_value!r}"
    if findc_error:
        return f"Python {value!r}, findc {findc_error}"
    if hasattr(value, "dtype"):  # a NumPy scalar: its Python value
        value = value.item()
    if isinstance(value, complex):
        if not isinstance(findc_value, dict):
            return f"Python {value!r}, findc {findc_value!r}"
        pairs = [(value.real, findc_value["re"]), (value.imag, findc_value["im"])]
    elif isinstance(value, bool) or isinstance(value, int) or isinstance(value, str):
        if type(value) is int and type(findc_value) is float and value == findc_value:
            return "int as float"  # min(x, 10) is an int in Python where x > 10: one kind per value in findc
        same = type(value) is type(findc_value) and value == findc_value
        return "exact" if same else f"Python {value!r}, findc {findc_value!r}"
    elif isinstance(value, float):
        pairs = [(value, findc_value)]
    else:
        return f"Python returns a {type(value).__name__}"
    verdict = "exact"
    for p, f in pairs:
        if f is None:  # JSON's null: not finite
            if math.isfinite(p):
                return f"Python {value!r}, findc non-finite"
            continue
        if isinstance(f, bool) or not isinstance(f, (int, float)):
            return f"Python {value!r}, findc {findc_value!r}"
        f = float(f)
        if struct.pack("<d", p) == struct.pack("<d", f):
            continue
        if tolerant and ulps(p, f) <= 4:
            verdict = "ulp"
            continue
        return f"Python {value!r}, findc {findc_value!r}"
    return verdict


def frame_line(results, inputs):
    out = ""
    for x, (kind, value) in zip(inputs, results):
        out += f"({x}, {'None' if kind == 'error' else value}) "
    return f"Function input - output pairs: {out}\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("findc")
    parser.add_argument("corpus")
    parser.add_argument("--engines", default="jit,interp")
    args = parser.parse_args()
    engines = args.engines.split(",")
    counts = {"files": 0, "exact": 0, "ulp": 0, "int as float": 0, "differ": 0, "uncompiled": 0, "lines": 0}
    for kind in ["numeric", "strings"]:
        numeric = kind == "numeric"
        inputs = NUMERIC_INPUTS if numeric else STRING_INPUTS
        for path in sorted((Path(args.corpus) / kind).glob("*.py")):
            counts["files"] += 1
            python = python_results(path, inputs, numeric)
            text = path.read_text()
            tolerant = "numpy" in text or "scipy" in text
            for engine in engines:
                run = subprocess.run([args.findc, "eval", str(path), "--json", "--engine", engine,
                                      "--input", "real" if numeric else "str", "--", *inputs],
                                     capture_output=True, text=True)
                if run.returncode != 0:
                    counts["uncompiled"] += 1
                    print(f"{path.name} ({engine}): findc fails:\n{run.stderr.strip()}")
                    continue
                record = json.loads(run.stdout, parse_int=int)
                errors = record.get("errors") or [None] * len(inputs)
                exact_kinds = True
                for x, p, f, e in zip(inputs, python, record["outputs"], errors):
                    verdict = compare(p, f, e, tolerant)
                    if verdict in ("exact", "ulp", "int as float"):
                        counts[verdict] += 1
                        exact_kinds &= verdict == "exact"
                    else:
                        counts["differ"] += 1
                        if counts["differ"] <= 20:
                            print(f"{path.name} ({engine}) at {x!r}: {verdict}")
                if numeric and exact_kinds:
                    line = subprocess.run([args.findc, "call", str(path), "--engine", engine, "--", *inputs],
                                          capture_output=True, text=True).stdout
                    counts["lines"] += 1
                    if line != frame_line(python, inputs):
                        counts["differ"] += 1
                        print(f"{path.name} ({engine}): call prints\n  {line!r}\nFIND's frame prints\n  "
                              f"{frame_line(python, inputs)!r}")
    print(f"{counts['files']} hypotheses x {len(engines)} engines: {counts['exact']} values identical, "
          f"{counts['ulp']} within 4 ulp (NumPy), {counts['int as float']} Python ints findc gives as equal floats, "
          f"{counts['differ']} differ, {counts['uncompiled']} not compiled; {counts['lines']} call lines compared")
    return 1 if counts["differ"] or counts["uncompiled"] else 0


if __name__ == "__main__":
    sys.exit(main())
