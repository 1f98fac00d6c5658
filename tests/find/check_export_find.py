#!/usr/bin/env python3
"""Checks `findc suite export-find` on a numeric suite (examples/find-v1-numeric.fnd).

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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("findc")
    parser.add_argument("suite")
    parser.add_argument("--find-data")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(tmp) / "export"
        run(args.findc, "suite", "export-find", args.suite, "-o", str(out_dir))
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
