#!/usr/bin/env python3
"""Compare findc's clean FIND v1 functions with find_v1_reference.py's values.

    compare_find_v1.py --findc PATH --suite SUITE.fnd --reference REF.json
                       [--jobs N] [--include-mlp] [--batch N]

For every function in the reference this runs

    PATH eval SUITE.fnd --fn NAME --clean --find-grid --json

and compares its outputs with the reference wherever the reference value is
finite (null reference values, e.g. logarithm at x < 0, are not compared).
"Equal" means the same double: both sides are parsed from their shortest
repr with float() and compared with ==, so -0.0 == 0.0 (sign-of-zero
differences are counted separately, for information only).

Exit status 0 only if every compared value matches exactly and findc ran
cleanly for every function. The 150 MLP functions (f00000-f00149) are skipped
unless --include-mlp: findc evaluates networks there, so mismatches are
expected and are reported but never fail the run.
"""

import argparse
import concurrent.futures
import json
import math
import os
import struct
import subprocess
import sys

NEAR_ULPS = 4
MAX_LISTED = 20


def ordered_bits(value):
    """The double's bit pattern mapped to an integer line on which adjacent
    doubles differ by 1, so ulp distance is a subtraction (also across 0)."""
    (bits,) = struct.unpack("<q", struct.pack("<d", value))
    return bits if bits >= 0 else -(bits & 0x7FFFFFFFFFFFFFFF)


def ulp_distance(a, b):
    return abs(ordered_bits(a) - ordered_bits(b))


def run_findc(findc, suite, names):
    """Evaluate `names` (one, or several in --batch mode) with findc.

    Returns ({name: outputs}, error text or None). findc prints one JSON object
    per function; in batch mode they may come as a JSON array or as objects
    one after another, so both are accepted and matched by their "fn" key."""
    cmd = [findc, "eval", suite]
    for name in names:
        cmd += ["--fn", name]
    cmd += ["--clean", "--find-grid", "--json"]
    # Error messages name the run compactly: a batch command line is long.
    what = f"findc eval --fn {names[0]}" + (f" (+{len(names) - 1} more)" if len(names) > 1 else "")
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as err:
        return {}, f"{what}: {err}"
    if proc.returncode != 0:
        return {}, (f"{what}: exit {proc.returncode}: "
                    f"{proc.stderr.strip()[:500]}")
    results, decoder, text, pos = {}, json.JSONDecoder(), proc.stdout, 0
    try:
        while True:
            while pos < len(text) and text[pos].isspace():
                pos += 1
            if pos == len(text):
                break
            obj, pos = decoder.raw_decode(text, pos)
            for item in obj if isinstance(obj, list) else [obj]:
                results[item["fn"]] = item
    except (ValueError, KeyError, TypeError) as err:
        return {}, f"{what}: unreadable output ({err}): {text[:200]!r}"
    missing = [n for n in names if n not in results]
    if missing:
        hint = " (does this findc accept several --fn?)" if len(names) > 1 else ""
        return results, f"{what}: no result for {', '.join(missing[:5])}{hint}"
    return results, None


class Tally:
    def __init__(self):
        self.functions = 0
        self.compared = 0
        self.exact = 0
        self.near = []       # (name, x, expected, got, ulps)
        self.mismatches = []  # (name, x, expected, got, ulps or None)
        self.zero_sign = 0
        self.findc_finite_where_ref_null = 0
        self.errors = []


def compare_one(tally, name, ref_values, grid, result):
    inputs, outputs = result.get("inputs"), result.get("outputs")
    if not isinstance(outputs, list) or len(outputs) != len(grid):
        tally.errors.append(f"{name}: expected {len(grid)} outputs, got {result!r:.200}")
        return
    # The reference only means something at the same x; a wrong grid would
    # make every comparison meaningless, so treat it as an error.
    if inputs is not None and [float(x) for x in inputs] != grid:
        tally.errors.append(f"{name}: inputs are not FIND's grid x = i + 0.5")
        return
    tally.functions += 1
    for x, want, got in zip(grid, ref_values, outputs):
        if want is None:
            if got is not None:
                tally.findc_finite_where_ref_null += 1
            continue
        want = float(want)
        tally.compared += 1
        if got is None:
            tally.mismatches.append((name, x, want, None, None))
            continue
        got = float(got)
        if got == want:
            tally.exact += 1
            if math.copysign(1.0, got) != math.copysign(1.0, want):
                tally.zero_sign += 1
            continue
        ulps = ulp_distance(want, got) if math.isfinite(got) else None
        if ulps is not None and ulps <= NEAR_ULPS:
            tally.near.append((name, x, want, got, ulps))
        else:
            tally.mismatches.append((name, x, want, got, ulps))


def report(title, tally, expressions, fail_counts):
    print(f"== {title}")
    print(f"functions checked: {tally.functions}")
    print(f"values compared:   {tally.compared} (finite reference values)")
    print(f"exact matches:     {tally.exact}")
    print(f"near misses:       {len(tally.near)} (1..{NEAR_ULPS} ulp)")
    print(f"mismatches:        {len(tally.mismatches)} (> {NEAR_ULPS} ulp or null)")
    if tally.zero_sign:
        print(f"  (info) equal but opposite sign of zero: {tally.zero_sign}")
    if tally.findc_finite_where_ref_null:
        print(f"  (info) findc finite where the reference is null: "
              f"{tally.findc_finite_where_ref_null}")
    if tally.errors:
        print(f"findc errors:      {len(tally.errors)}")
        for e in tally.errors[:MAX_LISTED]:
            print(f"  {e}")
    for label, rows in (("near misses", tally.near), ("mismatches", tally.mismatches)):
        if not rows or (label == "near misses" and not fail_counts):
            continue
        print(f"first {min(len(rows), MAX_LISTED)} {label}:")
        for name, x, want, got, ulps in rows[:MAX_LISTED]:
            dist = f"{ulps} ulp" if ulps is not None else "-"
            print(f"  {name} x={x!r} expected={want!r} got={got!r} ({dist})  "
                  f"{expressions.get(name, '')!r}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--findc", required=True, help="the findc executable")
    ap.add_argument("--suite", required=True, help="the imported FIND v1 suite (.fnd)")
    ap.add_argument("--reference", required=True, help="output of find_v1_reference.py")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="findc processes run in parallel (default: CPU count)")
    ap.add_argument("--include-mlp", action="store_true",
                    help="also compare the MLP functions (mismatches expected, never fail)")
    ap.add_argument("--batch", type=int, default=1, metavar="N",
                    help="pass N functions per findc run as repeated --fn "
                         "(only if findc supports it; default 1)")
    ap.add_argument("--fn", action="append", help="check only these functions")
    args = ap.parse_args(argv)

    with open(args.reference) as f:
        ref = json.load(f)
    grid = [float(x) for x in ref["grid"]]
    expressions = ref.get("expressions", {})
    mlp = set(ref.get("mlp", []))
    names = sorted(ref["functions"])
    if args.fn:
        unknown = set(args.fn) - set(names)
        if unknown:
            ap.error(f"not in the reference: {', '.join(sorted(unknown))}")
        names = [n for n in names if n in set(args.fn)]
    if not args.include_mlp:
        names = [n for n in names if n not in mlp]

    batch = max(1, args.batch)
    chunks = [names[i:i + batch] for i in range(0, len(names), batch)]
    main_tally, mlp_tally = Tally(), Tally()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(run_findc, args.findc, args.suite, chunk): chunk
                   for chunk in chunks}
        for future in concurrent.futures.as_completed(futures):
            results, error = future.result()
            if error:
                main_tally.errors.append(error)
            for name in futures[future]:
                if name in results:
                    tally = mlp_tally if name in mlp else main_tally
                    compare_one(tally, name, ref["functions"][name], grid, results[name])

    # Threads finish in any order; sort so reruns print the same report.
    for t in (main_tally, mlp_tally):
        t.near.sort(key=lambda r: (r[0], r[1]))
        t.mismatches.sort(key=lambda r: (r[0], r[1]))
        t.errors.sort()

    report("FIND v1 clean functions" + (" (MLP entries excluded)" if not args.include_mlp else ""),
           main_tally, expressions, fail_counts=True)
    if args.include_mlp:
        report("MLP entries f00000-f00149 (informational: findc evaluates networks)",
               mlp_tally, expressions, fail_counts=False)

    ok = (not main_tally.errors and not main_tally.near and not main_tally.mismatches
          and main_tally.compared > 0)
    print("RESULT:", "PASS (bit-exact)" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
