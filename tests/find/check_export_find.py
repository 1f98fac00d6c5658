#!/usr/bin/env python3
"""Checks `findc suite export-find` on a numeric or a string suite.

A numeric suite (examples/find-v1-numeric.fnd):
1. Every exported fNNNNN/function_code.py, imported with importlib in this one
   process (a fresh module per function, its queries counted from 0), returns
   for FIND's grid (x = i + 0.5, i in -128..127, called in grid order) exactly
   the doubles `findc eval --seed 0 --find-grid --json` gives; every
   clean_function_code.py exactly those of `--clean`.
2. Round trip: `findc suite import-find` of the exported data.json and
   func_name_dict.json writes the same benches, line for line, except that an
   MLP bench comes back untrained (`approx mlp(hidden = 64)` without weights).
3. With --find-data FIND's data.json: every exported entry's name, params,
   type, domain, and the fields of its shipped variant equal FIND's.

A string suite (examples/find-strings.fnd):
4. data.json: entry i is folder f{i:05d} with the bench's name in
   findc_bench, FIND's name from the bench's description, FIND's get_type of
   it, and params that FIND's create_string turns back into the name.
5. Every fNNNNN/function_code.py, imported with importlib, gives at the
   unit tests' inputs and at edge inputs ("", spaces, non-ASCII, long) the
   line `findc call` prints for the bench (None where Python raises).
6. unit_test_data.json: 10 vectors of 3 pairs per function; the correct
   pair is an execution of the exported function (its str()), no distractor
   is; FIND's own code scorer (an `exec` of `function('INPUT')`, `==` with
   the stored output) run on the truth itself: how many pass 10 of 10
   (FIND compares the raw value with a stored str, so a function returning
   an int, a bool or a list fails it: printed, not an error).

usage: check_export_find.py FINDC SUITE [--find-data DATA.json]
"""
import argparse
import importlib.util
import json
import math
import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

GRID = [i + 0.5 for i in range(-128, 128)]


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def findc_values(findc, suite, names, clean):
    """{name: [(value or None, failed)]} from one `findc eval --json` process."""
    args = [findc, "eval", suite, "--find-grid", "--json"] + (["--clean"] if clean else ["--seed", "0"])
    for name in names:
        args += ["--fn", name]
    out = {}
    for line in run(*args).splitlines():
        # parse_int=float keeps the sign of "-0" (a -0.0 printed by %.17g).
        record = json.loads(line, parse_int=float)
        assert record["inputs"] == GRID, record["fn"]
        errors = record.get("errors") or [None] * len(GRID)
        out[record["fn"]] = list(zip(record["outputs"], errors))
    return out


def bits(v):
    return struct.pack("<d", v)


def same(expected, error, got):
    """Whether Python's result `got` (or an exception, None) is findc's value."""
    if error is not None or got is None:
        return error is not None and got is None
    if expected is None:  # not finite: JSON has no such number
        return isinstance(got, (int, float)) and not math.isfinite(got)
    if isinstance(expected, dict):
        return isinstance(got, complex) and bits(got.real) == bits(expected["re"]) and bits(got.imag) == bits(expected["im"])
    if isinstance(got, complex):
        return False
    return bits(float(got)) == bits(expected)


def check_modules(out_dir, names, expected, file_name):
    mismatches = 0
    for name in names:
        spec = importlib.util.spec_from_file_location(f"export_{name}_{file_name[:-3]}", out_dir / name / file_name)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for x, (value, error) in zip(GRID, expected[name]):
            try:
                got = module.function(float(x))
            except Exception:
                got = None
            if not same(value, error, got):
                mismatches += 1
                if mismatches <= 10:
                    print(f"{name}/{file_name} at {x}: findc {value} ({error}), Python {got!r}")
    return mismatches


def bench_blocks(path):
    """The suite's benches as text from each `## ` line, MLP weights dropped."""
    text = Path(path).read_text()
    text = re.sub(r"(approx mlp\(hidden = \d+\)).*", r"\1", text)
    return text[text.index("\n## ") + 1:].split("\n## ")


def check_find_data(out_dir, find_data):
    ours = json.loads((out_dir / "data.json").read_text())
    variants = json.loads((out_dir / "func_name_dict.json").read_text())
    theirs = {entry["dir"]: entry for entry in json.loads(Path(find_data).read_text())}
    fields = {"function_code.py": [], "noised_function_code.py": ["noise_type", "noise_params"],
              "corrupted_function_code.py": ["corruption_type", "corruption_params"],
              "load_mlp.py": ["approx_mse_error"]}
    bad = 0
    for entry in ours:
        find = theirs[entry["dir"]]
        for key in ["type", "params", "name", "dir", "domain"] + fields[variants[entry["dir"]]]:
            # approx_mse_error: ours is the MSE of findc's own training.
            if key != "approx_mse_error" and json.dumps(entry.get(key)) != json.dumps(find.get(key)):
                bad += 1
                if bad <= 10:
                    print(f"{entry['dir']}.{key}: exported {entry.get(key)!r}, FIND {find.get(key)!r}")
        if variants[entry["dir"]] == "load_mlp.py" and "approx_mse_error" not in entry:
            bad += 1
    print(f"data.json against FIND's: {len(ours)} entries, {bad} differing fields")
    return bad


STRING_EDGES = ["", " ", "a", "  two  spaces ", "ÀÉÎõü", "😀😀 x", "x" * 40, "123abc", "A1 b2 C3"]


def suite_descriptions(path):
    """[(bench, FIND's name)] in suite order, from the `## ... NAME: ..., FIND's X.` lines."""
    found = []
    for line in Path(path).read_text().splitlines():
        m = re.match(r"## .* (\S+): .*, FIND's (.*)\.$", line)
        if m:
            found.append((m.group(1), m.group(2)))
    return found


def find_create_string(func_name, params):
    """FIND's create_string, JSON lists read back as the tuples FIND's str() printed."""
    def tup(p):
        return tuple(tup(q) for q in p) if isinstance(p, list) else p
    if ";" in func_name:  # a composition: a list of the two atoms' params
        params = [tup(p) for p in params]
    else:
        params = [tup(params)]
    return f"{func_name}({', '.join(str(p) for p in params)})"


def find_get_type(func_name):
    if ";" not in func_name:
        return "simple"
    return "compose" if "compose" in func_name else func_name.split(";")[0]


def check_string_data(out_dir, suite):
    data = json.loads((out_dir / "data.json").read_text())
    described = suite_descriptions(suite)
    bad = 0 if len(data) == len(described) else 1
    for i, (entry, (bench, name)) in enumerate(zip(data, described)):
        func_name = name[:name.index("(")]
        expected = {"dir": f"f{i:05d}", "findc_bench": bench, "name": name, "type": find_get_type(func_name)}
        problems = [k for k, v in expected.items() if entry.get(k) != v]
        if find_create_string(func_name, entry["params"]) != name:
            problems.append("params")
        if problems:
            bad += 1
            if bad <= 10:
                print(f"data.json {entry['dir']}: {problems}: {entry}")
    print(f"data.json: {len(data)} entries, {bad} wrong")
    return data, bad


def load(path, tag):
    spec = importlib.util.spec_from_file_location(tag, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def printed(function, x):
    try:
        return str(function(x))
    except Exception:
        return None


def check_strings(findc, suite, out_dir):
    data, failures = check_string_data(out_dir, suite)
    tests = json.loads((out_dir / "unit_test_data.json").read_text())
    modules = [load(out_dir / e["dir"] / "function_code.py", f"export_{e['dir']}") for e in data]

    inputs = sorted({x for t in tests for vec in t["test_vec"] for x in vec[0]}) + STRING_EDGES
    args = [findc, "call", suite]
    for entry in data:
        args += ["--fn", entry["findc_bench"]]
    # Outputs may hold line breaks: split where each function's line starts.
    head = "Function input - output pairs: "
    lines = [head + part for part in run(*args, "--", *inputs).split("\n" + head)]
    lines[0] = lines[0][len(head):]
    differing = 0
    for entry, module, line in zip(data, modules, lines):
        ours = head + "".join(f"({x}, {printed(module.function, x)}) " for x in inputs)
        if ours != line.removesuffix("\n"):
            differing += 1
            if differing <= 5:
                print(f"{entry['dir']}: Python {ours[:200]!r}\n        findc {line[:200]!r}")
    print(f"function_code.py: {len(data)} functions x {len(inputs)} inputs against `findc call`: "
          f"{differing} lines differ")
    failures += differing + (len(lines) != len(data))

    wrong, truth_passes = 0, 0
    for i, (test, module) in enumerate(zip(tests, modules)):
        ok = test["name"] == f"f{i:05d}" and len(test["test_vec"]) == 10 and len(test["correct_inx"]) == 10
        find_scores = []
        for vec, correct in zip(test["test_vec"], test["correct_inx"]):
            ok = ok and len(vec[0]) == 3 and len(vec[1]) == 3 and correct in (1, 2, 3)
            for p, (x, y) in enumerate(zip(vec[0], vec[1])):
                ok = ok and (printed(module.function, x) == y) == (p == correct - 1)
            # FIND's string_indicator.py, its test of one vector.
            test_out = []
            in_val = str(vec[0][correct - 1])
            try:
                exec(f"test_out.append(module.function(\'{in_val}\'))")
                find_scores.append(1 if vec[1][correct - 1] == test_out[0] else 0)
            except Exception:
                find_scores.append(0)
        truth_passes += find_scores == [1] * 10
        if not ok:
            wrong += 1
            if wrong <= 5:
                print(f"unit_test_data {test['name']}: not 10 vectors of one execution and two distractors")
    print(f"unit_test_data.json: {len(tests)} functions, {wrong} wrong; FIND's code scorer passes the truth itself "
          f"on {truth_passes} of them (it compares the raw value with the stored str: a truth returning an int, "
          "a bool or a list fails)")
    return failures + wrong + (len(tests) != len(data))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("findc")
    parser.add_argument("suite")
    parser.add_argument("--find-data")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(tmp) / "export"
        run(args.findc, "suite", "export-find", args.suite, "-o", str(out_dir))
        if (out_dir / "unit_test_data.json").exists():
            return 1 if check_strings(args.findc, args.suite, out_dir) else 0
        names = list(json.loads((out_dir / "func_name_dict.json").read_text()))
        failures = 0
        for clean, file_name in [(False, "function_code.py"), (True, "clean_function_code.py")]:
            expected = findc_values(args.findc, args.suite, names, clean)
            bad = check_modules(out_dir, names, expected, file_name)
            print(f"{file_name}: {len(names)} functions x {len(GRID)} points, {bad} mismatches")
            failures += bad

        back = Path(tmp) / "back.fnd"
        run(args.findc, "suite", "import-find", str(out_dir / "data.json"), str(out_dir / "func_name_dict.json"),
            "-o", str(back))
        original, reimported = bench_blocks(args.suite), bench_blocks(back)
        differing = [a.splitlines()[0] for a, b in zip(original, reimported) if a != b]
        differing += ["bench count"] * (len(original) != len(reimported))
        print(f"round trip: {len(original)} benches, {len(differing)} differ")
        for first in differing[:10]:
            print(f"  differs: ## {first}")
        failures += len(differing)
        if args.find_data:
            failures += check_find_data(out_dir, args.find_data)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
