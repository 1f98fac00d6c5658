#!/usr/bin/env python3
"""Runs every hypothesis of the corpus in CPython and in findc, and compares.

usage: check_hypotheses.py FINDC CORPUS_DIR [--engines jit,interp]

CORPUS_DIR/numeric/*.py are functions of a float, CORPUS_DIR/strings/*.py
functions of a str, written as LLM agents write FIND hypotheses. For each
file, in one CPython process per mode: the file is executed as FIND's scorer
loads it (its top-level code runs; what it prints is discarded), the
function is the name after the last "def " (FIND's rule), and it is called
at the inputs below (numeric: `function(float(x))`). findc evaluates the
same file (`findc eval FILE --json`, each engine) and both must agree at
every input:
  * a raise in Python is an error in findc, of the same kind (a returned
    None is findc's TypeError, printed None by both);
  * ints, bools and strs are equal with their types; floats bit for bit
    (complex values part by part; a non-finite float is JSON's null), with
    CPython's NumPy told not to use its SIMD loops
    (NPY_DISABLE_CPU_FEATURES), so that it calls glibc's libm as findc
    does (SciPy's erf is Cephes' own, not glibc's: within 4 ulp, counted
    apart). A second CPython run with NumPy's SIMD loops on reports how many
    values are identical, within 4 ulp, or further (informational: a
    few-ulp term can cancel to more in the result);
  * a Python int that findc gives as an equal float (`min(x, 10)` is the
    int 10 in Python: findc keeps one kind per value) is counted apart, as
    is a Python int past int64 where findc raises OverflowError (also inside
    the computation, in a file marked `# findc: int64`);
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
import os
import struct
import subprocess
import sys
from pathlib import Path

# NumPy's dispatched SIMD features on x86-64: without them NumPy's float64
# functions call glibc's libm, as findc does (NPY_DISABLE_CPU_FEATURES).
NUMPY_SIMD = "AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL AVX2 FMA3 F16C AVX"
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
            results.append(encode(function(float(x) if numeric else x)))
        except Exception as e:  # the kind is compared with findc's
            results.append({"t": "error", "v": type(e).__name__})
    return results


def encode(value):
    """A Python result as JSON, exactly (floats in hex)."""
    if hasattr(value, "dtype"):  # a NumPy scalar or 0-d array: its Python value
        value = value.item()
    if value is None:
        return {"t": "none"}
    if isinstance(value, bool):
        return {"t": "bool", "v": value}
    if isinstance(value, int):
        return {"t": "int", "v": str(value)}
    if isinstance(value, float):
        return {"t": "float", "v": value.hex()}
    if isinstance(value, complex):
        return {"t": "complex", "re": value.real.hex(), "im": value.imag.hex()}
    if isinstance(value, str):
        return {"t": "str", "v": value}
    return {"t": type(value).__name__}


def decode(r):
    """(kind, value) from encode's JSON."""
    t = r["t"]
    if t == "error":
        return "error", r["v"]
    if t == "none":
        return "value", None
    if t == "int":
        return "value", int(r["v"])
    if t == "float":
        return "value", float.fromhex(r["v"])
    if t == "complex":
        return "value", complex(float.fromhex(r["re"]), float.fromhex(r["im"]))
    if t in ("bool", "str"):
        return "value", r["v"]
    return "value", object()


def cpython(corpus, exact):
    """{file: [results]} from one CPython process; `exact` turns NumPy's SIMD loops off."""
    env = dict(os.environ)
    if exact:
        env["NPY_DISABLE_CPU_FEATURES"] = NUMPY_SIMD
    run = subprocess.run([sys.executable, __file__, "--cpython", corpus], env=env, capture_output=True, text=True,
                         check=True)
    return {name: [decode(r) for r in results] for name, results in json.loads(run.stdout).items()}


def corpus_files(corpus):
    for kind in ["numeric", "strings"]:
        for path in sorted((Path(corpus) / kind).glob("*.py")):
            yield path, kind == "numeric"


def ulps(a, b):
    def ordered(v):
        n = struct.unpack("<q", struct.pack("<d", v))[0]
        return n if n >= 0 else -(n & 0x7FFFFFFFFFFFFFFF)
    return abs(ordered(a) - ordered(b))


def compare(python, findc_value, findc_error, tolerant):
    """'exact', 'ulp' (within 4 ulp), or a reason they differ."""
    kind, value = python
    if kind == "value" and type(value) is int and not -2**63 <= value < 2**63:
        # findc's ints are int64: OverflowError where Python's int grows (documented)
        return "big int" if findc_error == "OverflowError" else f"Python {value}, findc {findc_error or findc_value!r}"
    if kind == "error" or value is None:
        expected = value if kind == "error" else "TypeError"  # None: findc's TypeError
        return "exact" if findc_error == expected else f"Python {kind} {value!r}, findc {findc_error or findc_value!r}"
    if findc_error:
        return f"Python {value!r}, findc {findc_error}"
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
        return "Python returns a value findc does not have"
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


def typed(value, result):
    """A JSON output (numbers as their text) as the value of findc's result type."""
    if value is None or isinstance(value, (bool, list)):
        return value
    if isinstance(value, dict):
        return value if "re" not in value else {k: float(v) for k, v in value.items()}
    if result == "str":
        return value
    if result == "int":
        return int(value)
    return float(value)  # real, or a complex-typed float; "-0" is -0.0


def frame_line(results, inputs):
    out = ""
    for x, (kind, value) in zip(inputs, results):
        out += f"({x}, {'None' if kind == 'error' else value}) "
    return f"Function input - output pairs: {out}\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("findc", nargs="?")
    parser.add_argument("corpus")
    parser.add_argument("--engines", default="jit,interp")
    parser.add_argument("--cpython", action="store_true", help="(internal) print CPython's results as JSON")
    args = parser.parse_args()
    if args.cpython:
        json.dump({str(path): python_results(path, NUMERIC_INPUTS if numeric else STRING_INPUTS, numeric)
                   for path, numeric in corpus_files(args.corpus)}, sys.stdout)
        return 0
    engines = args.engines.split(",")
    exact_python = cpython(args.corpus, exact=True)
    simd_python = cpython(args.corpus, exact=False)
    counts = {"files": 0, "exact": 0, "int as float": 0, "big int": 0, "scipy ulp": 0, "differ": 0, "uncompiled": 0,
              "lines": 0,
              "simd exact": 0, "simd ulp": 0, "simd beyond": 0}
    for path, numeric in corpus_files(args.corpus):
        inputs = NUMERIC_INPUTS if numeric else STRING_INPUTS
        counts["files"] += 1
        python = exact_python[str(path)]
        listing = subprocess.run([args.findc, "list", str(path), "--json", "--input", "real" if numeric else "str"],
                                 capture_output=True, text=True)
        result = json.loads(listing.stdout)["functions"][0]["result"] if listing.returncode == 0 else "real"
        for engine in engines:
            run = subprocess.run([args.findc, "eval", str(path), "--json", "--engine", engine,
                                  "--input", "real" if numeric else "str", "--", *inputs],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                counts["uncompiled"] += 1
                print(f"{path.name} ({engine}): findc fails:\n{run.stderr.strip()}")
                continue
            record = json.loads(run.stdout, parse_int=str, parse_float=str)
            errors = record.get("errors") or [None] * len(inputs)
            outputs = [typed(v, result) for v in record["outputs"]]
            exact_kinds = True
            # SciPy's erf is Cephes', not glibc's: a few ulp apart (documented)
            scipy = "scipy" in path.read_text()
            # A file marked `# findc: int64` goes through an int past int64
            # where CPython's ints grow: findc's OverflowError is expected there.
            int64 = "# findc: int64" in path.read_text()
            for i, (x, p, f, e) in enumerate(zip(inputs, python, outputs, errors)):
                verdict = compare(p, f, e, tolerant=scipy)
                if int64 and e == "OverflowError" and verdict not in ("exact", "ulp"):
                    verdict = "big int"
                if verdict in ("exact", "int as float", "big int", "ulp"):
                    counts["scipy ulp" if verdict == "ulp" else verdict] += 1
                    exact_kinds &= verdict == "exact"
                else:
                    counts["differ"] += 1
                    if counts["differ"] <= 20:
                        print(f"{path.name} ({engine}) at {x!r}: {verdict}")
                if engine == engines[0]:  # NumPy with its SIMD loops: how far from glibc
                    simd = compare(simd_python[str(path)][i], f, e, tolerant=True)
                    counts["simd exact" if simd in ("exact", "int as float", "big int") else
                           "simd ulp" if simd == "ulp" else "simd beyond"] += 1
            if numeric and exact_kinds:
                line = subprocess.run([args.findc, "call", str(path), "--engine", engine, "--", *inputs],
                                      capture_output=True, text=True).stdout
                counts["lines"] += 1
                if line != frame_line(python, inputs):
                    counts["differ"] += 1
                    print(f"{path.name} ({engine}): call prints\n  {line!r}\nFIND's frame prints\n  "
                          f"{frame_line(python, inputs)!r}")
    print(f"{counts['files']} hypotheses x {len(engines)} engines, against CPython with NumPy calling glibc: "
          f"{counts['exact']} values identical, {counts['int as float']} Python ints findc gives as equal floats, "
          f"{counts['big int']} Python ints past int64 (findc: OverflowError), "
          f"{counts['scipy ulp']} within 4 ulp of SciPy's own erf, {counts['differ']} differ, "
          f"{counts['uncompiled']} not compiled; {counts['lines']} call lines compared")
    print(f"against NumPy's SIMD loops: {counts['simd exact']} identical, {counts['simd ulp']} within 4 ulp, "
          f"{counts['simd beyond']} further (cancellation after a few-ulp term; informational)")
    return 1 if counts["differ"] or counts["uncompiled"] else 0


if __name__ == "__main__":
    sys.exit(main())
