#!/usr/bin/env python3
"""`findc score` against FIND's scorers restated in CPython, pair by pair.

usage: check_find_scores.py FINDC SUITE WORKDIR [--strings] [--limit N]

Exports SUITE as FIND's files (`findc suite export-find --seed 0`), writes a
results directory with one hypothesis per function (the corpus of agents'
hypotheses in tests/hypotheses, plus hypotheses written here that return
NaN, infinities, complex numbers, strs, ints, bools, raise at one point,
overflow FIND's `** 2`, or do not compile), then scores it twice:

  * FIND's way, in this CPython process: numeric (mse_indicator.py): the
    exported function_code.py is the truth (findc's noise under seed 0),
    called at float(i + 0.5) for i in range(-128, 128); points where
    abs(truth) is nan or inf are skipped; the hypothesis (the function after
    the last "def ") is called through `exec` at the others; list_mse and
    the 0.1 threshold; any exception gives score 0 and mse/nmse None.
    Strings (string_indicator.py): the correct input of each unit-test
    vector pasted between single quotes into an `exec` string, compared
    with ==; an exception appends 0 and ends the function's tests. The
    unit tests are the export's, with some inputs replaced by ones holding
    quotes, backslashes, escapes and line breaks (written to a file passed
    to findc with --unit-tests).
  * `findc score SUITE RESULTS --json` (interpreter, then JIT).

Every function must agree: score, and mse and nmse bit for bit (None where
FIND's scorer raised); and FIND's own files (test_res_data.json,
scores.json or their _code forms) must be byte for byte what Python's
json.dump writes for the restated scorer's results. Hypotheses that findc
does not compile are reported apart (FIND would run them) and must be none.
"""
import contextlib
import importlib.util
import io
import json
import math
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# NumPy's dispatched SIMD loops off: its float64 functions then call glibc's
# libm, as findc does (tests/hypotheses/check_hypotheses.py says more).
NUMPY_SIMD = "AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL AVX2 FMA3 F16C AVX"

# Written here: each a template over a number a (the function's position).
NUMERIC_EDGES = {
    "nan": "def f(x):\n    return float('nan') if x > {a} % 50 else x\n",
    "inf": "def f(x):\n    if x == 0.5:\n        return float('inf')\n    return x * {a}\n",
    "complex": "def f(x):\n    return {a} * (x + 3.0) ** 0.5\n",
    "complex_part": "def f(x):\n    return (x - {a} % 7) ** 1.5\n",
    "str": "def f(x):\n    return str(x)\n",
    "int": "def f(x):\n    return int(x) * {a} % 97\n",
    "bool": "def f(x):\n    return x > {a} % 20\n",
    "raise_at_point": "def f(x):\n    return 1.0 / (x - {a} % 100 - 0.5)\n",
    "math_domain": "import math\ndef f(x):\n    return math.log(x + {a} % 60)\n",
    "square_overflow": "def f(x):\n    return 1e200 if x > 100 else x\n",
    "abs_overflow": "def f(x):\n    if x > 120:\n        return (x - 200) ** 0.5 * 8e306 + 1.7e308\n    return x\n",
    "none_path": "def f(x):\n    if x < {a} % 90:\n        return x\n",
    "scaled": "import math\ndef helper(t):\n    return math.sin(t) * {a}\n\ndef f(x):\n    # agents' style: a helper, then the function\n    return helper(x / 10.0) + x\n",
    "compile_error": "def f(x):\n    return x +\n",
    "empty": "",
    "no_def": "x = 1\n",
}
STRING_EDGES = {
    "raise": "def f(s):\n    return s[{a} % 5 + 3]\n",
    "int": "def f(s):\n    return len(s)\n",
    # (not "none_path": a str function returning None is findc's TypeError, which ends FIND's tests where
    # Python compares None and goes on; docs/score.md lists it)
    "identity": "def f(s):\n    return s\n",
    "upper": "def f(s):\n    return s.upper()\n",
    "compile_error": "def f(s)\n    return s\n",
}
# Inputs that FIND's exec string reads otherwise, or not at all.
NASTY_INPUTS = ["it's", "a' 'b", "a' + 'b", "x\\ny", "tab\\there", "\\x41BC", "\\x4", "end\\", "c:\\\\dir",
                "\\u00e9t\\u00e9", "\\U0001F600", "line\nbreak", "cr\rhere", "''triple", "a'r'b'",
                "a'b'c", "q\"uote", "\\q", "\\101\\7", "a' 'b' 'c", "a'  +  'b", "'", "\\'", "f'x'"]


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def load(name, path):
    """A module from a file, run as FIND's imp.load_source runs it (its prints discarded)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    with contextlib.redirect_stdout(io.StringIO()):
        spec.loader.exec_module(module)
    return module


def find_name(path):
    """FIND's get_test_func_name: after the last 'def ', before the first '('."""
    text = Path(path).read_text()
    if text == "":
        return ""
    return text.rsplit("def ")[-1].rsplit("(")[0]


def fitted(clean_path):
    """An agent's piecewise-linear fit of the clean function at 17 knots, or None (complex, nan, raising)."""
    try:
        clean = load("clean", clean_path)
        knots = [(x, clean.function(float(x))) for x in range(-128, 129, 16)]
    except Exception:
        return None
    if not all(isinstance(y, float) and math.isfinite(y) for _, y in knots):
        return None
    lines = ["def f(x):", "    # piecewise linear through samples of the function"]
    for (x0, y0), (x1, y1) in zip(knots, knots[1:]):
        lines.append(f"    if x < {float(x1)!r}:")
        lines.append(f"        return {y0!r} + ({y1!r} - {y0!r}) * (x - {float(x0)!r}) / 16.0")
    lines.append(f"    return {knots[-1][1]!r}")
    return "\n".join(lines) + "\n"


# String atoms an agent may name exactly (the suite's description says which bench is one).
STRING_ATOMS = {"reverse_string(": "def f(s):\n    return s[::-1]\n",
                "convert_to_lowercase(": "def f(s):\n    return s.lower()\n",
                "convert_to_uppercase(": "def f(s):\n    return s.upper()\n"}


def find_numeric(truth_path, code_path):
    """FIND's mse_indicator.py for one function: (mse, nmse, score)."""
    truth = load("function", truth_path)
    name = find_name(code_path)
    t_out, h_out = [], []
    try:
        test = load(name, code_path)
        with contextlib.redirect_stdout(io.StringIO()):
            for i in range(-128, 128):
                t = truth.function(float(i + 0.5))
                if not math.isnan(abs(t)) and not math.isinf(abs(t)):
                    t_out.append(t)
                    exec(f"h_out.append(test.{name}({i + 0.5}))", {"h_out": h_out, "test": test})
        # list_mse builds both lists in one loop, in this order per point
        squares, norms = [], []
        for k in range(len(t_out)):
            squares.append(abs(t_out[k] - h_out[k]) ** 2)
            norms.append(abs(t_out[k]) ** 2)
        mse, nmse = sum(squares) / len(squares), sum(squares) / sum(norms)
        return mse, nmse, 1 if nmse < 0.1 else 0
    except Exception:
        return None, None, 0


def find_strings(code_path, entry):
    """FIND's string_indicator.py for one function: the list of 0/1."""
    score = []
    try:
        name = find_name(code_path)
        test = load(name, code_path)
        with contextlib.redirect_stdout(io.StringIO()):
            for inx, vec in enumerate(entry["test_vec"]):
                out = []
                correct = int(entry["correct_inx"][inx]) - 1
                in_val = str(vec[0][correct])
                exec(f"out.append(test.{name}('{in_val}'))", {"out": out, "test": test})
                score.append(1 if vec[1][correct] == out[0] else 0)
    except Exception:
        score.append(0)
    return score


def same_real(a, b):
    if a is None or b is None:
        return a is None and b is None
    return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))


def prepare(findc, suite, work, strings, limit=None):
    """The export, the results directory and the unit tests: (export, results, count, chosen, extra, unit_tests)."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    export, results = work / "export", work / "results"
    subprocess.run([findc, "suite", "export-find", suite, "-o", str(export), "--seed", "0"], check=True,
                   capture_output=True)
    count = len(json.loads((export / "data.json").read_text()))
    if limit:
        count = min(count, limit)
    kind = "strings" if strings else "numeric"
    corpus = sorted((ROOT / "tests" / "hypotheses" / kind).glob("*.py"))
    edges = STRING_EDGES if strings else NUMERIC_EDGES
    pool = [("corpus", p.name, p.read_text()) for p in corpus] + [("edge", k, v) for k, v in edges.items()]
    rng = random.Random(1)
    chosen = []
    descriptions = [d.get("findc_description", "") + json.dumps(d) for d in json.loads((export / "data.json").read_text())]
    for i in range(count):
        # every edge case at least twice, then every third function a hypothesis near the truth, the rest from
        # the whole pool
        source, label, text = pool[len(corpus) + i % len(edges)] if i < 2 * len(edges) else rng.choice(pool)
        if strings and i % 3 == 0:
            # the function whose unit tests get a nasty input below: identity shows how it was read
            source, label, text = "edge", "identity", STRING_EDGES["identity"]
        elif i >= 2 * len(edges) and i % 3 == 1:
            if strings:
                atom = next((a for a in STRING_ATOMS if a in descriptions[i]), None)
                if atom:
                    source, label, text = "atom", atom, STRING_ATOMS[atom]
            elif (fit := fitted(export / f"f{i:05d}" / "clean_function_code.py")):
                source, label, text = "fit", "piecewise", fit
        code = text.replace("{a}", str(i + 3))
        write(results / f"f{i:05d}" / "code.py", code)
        chosen.append(f"{source}:{label}")

    extra = []
    unit_tests = None
    if strings:
        unit_tests = json.loads((export / "unit_test_data.json").read_text())[:count]
        for i, entry in enumerate(unit_tests):  # nasty inputs into the correct pair of some vectors
            if i % 3 == 0:
                v = i % len(entry["test_vec"])
                correct = int(entry["correct_inx"][v]) - 1
                nasty = NASTY_INPUTS[(i // 3) % len(NASTY_INPUTS)]
                entry["test_vec"][v][0][correct] = nasty
                try:  # the stored output: what Python passes, so that reading it otherwise fails the test
                    entry["test_vec"][v][1][correct] = eval(f"'{nasty}'")
                except Exception:
                    pass
        (work / "unit_tests.json").write_text(json.dumps(unit_tests))
        extra = ["--unit-tests", str(work / "unit_tests.json")]

    return export, results, count, chosen, extra, unit_tests


def restated(export, results, count, strings, unit_tests):
    """FIND's scorer, restated, over the results: per function (mse, nmse, score) or the list of tests."""
    expected = []
    for i in range(count):
        code = results / f"f{i:05d}" / "code.py"
        if strings:
            expected.append(find_strings(code, unit_tests[i]))
        else:
            expected.append(find_numeric(export / f"f{i:05d}" / "function_code.py", code))
    return expected


def main():
    args = sys.argv[1:]
    strings = "--strings" in args
    limit = None
    if "--limit" in args:
        limit = int(args[args.index("--limit") + 1])
        del args[args.index("--limit"):args.index("--limit") + 2]
    args = [a for a in args if a != "--strings"]
    findc, suite, work = args[0], args[1], Path(args[2])
    if os.environ.get("NPY_DISABLE_CPU_FEATURES") != NUMPY_SIMD:
        env = dict(os.environ, NPY_DISABLE_CPU_FEATURES=NUMPY_SIMD)
        sys.exit(subprocess.run([sys.executable, __file__] + sys.argv[1:], env=env).returncode)
    export, results, count, chosen, extra, unit_tests = prepare(findc, suite, work, strings, limit)
    expected = restated(export, results, count, strings, unit_tests)
    if strings:
        find_files = {"scores_code.json": json.dumps([sum(s) / len(s) for s in expected]),
                      "test_res_data_code.json": json.dumps([{"name": f"f{i:05d}", "score": s}
                                                            for i, s in enumerate(expected)])}
    else:
        find_files = {"scores.json": json.dumps([e[2] for e in expected]),
                      "test_res_data.json": json.dumps([{"name": f"f{i:05d}", "mse": e[0], "nmse": e[1], "score": e[2]}
                                                       for i, e in enumerate(expected)])}

    failures = 0
    for engine in ("interp", "jit"):
        before = failures
        out = work / f"out-{engine}"
        out.mkdir()
        # a suite of `count` benches: score only those positions (the rest have no code.py)
        run = subprocess.run([findc, "score", suite, str(results), "--json", "--fresh", "--engine", engine, "-o",
                              str(out)] + extra, capture_output=True, text=True)
        if run.returncode != 0:
            print(f"{engine}: findc score failed ({run.returncode}): {run.stderr}")
            sys.exit(1)
        got = json.loads(run.stdout)["functions"][:count]
        unsupported = [g["name"] for g, c in zip(got, chosen)
                       if (g["error"] or "").startswith("compile error") and "compile_error" not in c
                       and "no_def" not in c and "empty" not in c]
        kinds = {"number": 0, "raised": 0, "nan": 0, "complex": 0}
        for i, (g, e) in enumerate(zip(got, expected)):
            if strings:
                ok = g["tests"] == e and g["score"] == sum(e) / len(e)
            else:
                mse, nmse, score = e
                # findc's JSON has null for NaN: the exact bits are in FIND's file, compared below
                def real(x):
                    return None if x is None or not math.isfinite(x) else x
                ok = (g["score"] == score and same_real(g["mse"], real(mse)) and same_real(g["nmse"], real(nmse))
                      and (g["error"] is None) == (mse is not None))
                kinds["raised" if mse is None else "nan" if math.isnan(nmse) else
                      "complex" if "complex" in chosen[i] else "number"] += 1
            if not ok:
                failures += 1
                print(f"{engine} f{i:05d} ({chosen[i]}): findc {g}, FIND {e}")
        for name, text in find_files.items():
            mine = (out / name).read_text()
            if limit:  # findc scored the whole suite: compare the first `count` entries
                mine = json.dumps(json.loads(mine)[:count])
            if mine != text:
                failures += 1
                print(f"{engine}: {name} differs from what FIND's json.dump writes")
        if unsupported:
            failures += 1
            print(f"{engine}: findc did not compile {len(unsupported)} hypotheses CPython runs: {unsupported[:10]}")
        summary = ", ".join(f"{v} {k}" for k, v in kinds.items()) if not strings else \
            f"{sum(len(e) for e in expected)} tests"
        print(f"{engine}: {count} functions ({summary}): {failures - before} differences")
    print(f"{'FAIL' if failures else 'PASS'}: {failures} differences")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
