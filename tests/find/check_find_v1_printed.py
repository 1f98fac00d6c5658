#!/usr/bin/env python3
"""Check `findc call --clean` against what FIND v1's released code prints.

    check_find_v1_printed.py [--findc PATH] [--suite SUITE.fnd] [--data FILE]
                             [--fn NAME ...] [--jobs N] [--engine E]
                             [--summary-only] [--by-cause]

The data file (find_v1_printed.json.xz, written by find_v1_printed.py from
FIND's data; standard library only here, no numpy, no FIND data needed) holds
for 850 FIND v1 functions the text FIND's released code prints for each input
when its random draws are zero. For each function this runs

    PATH call SUITE --fn NAME --clean X1 X2 ...

(findc call takes one --fn, so one process per function, --jobs at a time),
reads `Function input - output pairs: (X1, Y1) (X2, Y2) ` and compares each Yk
with the expected text:

- equal strings pass ("exact");
- otherwise, if both are floats (float() parses them and they are not ints:
  '1.5', 'nan', '-inf') or both complex numbers ('(7.5-20.8j)', '5j'), and
  the function uses an atom whose value in FIND comes from NumPy's SIMD loops
  (sin, cos, tanh, gaussian (exp), logarithm (log), the real square wave (sin)
  of a clean simple square_wave, or NumPy's array power for polynomial and
  rational in corrupted functions, where x is a 0-d array), they pass if every
  part is within 4 ulp ("near", counted per atom): those last bits depend on
  the numpy build and CPU, not on FIND's code;
- everything else is a mismatch: a different kind of text ('1' vs '1.0',
  'None' vs 'inf', 'nan' vs 'None'), a float more than 4 ulp away, or any
  difference at all for functions without such atoms.

Prints a summary (exact / near by atom / mismatched), up to 20 mismatches
(unless --summary-only), with --by-cause the mismatches grouped by
(findc's kind of text, FIND's kind of text, detail, variant) and by category,
and exits 1 on any mismatch or findc failure.
"""

import argparse
import collections
import concurrent.futures
import json
import lzma
import math
import os
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
NEAR_ULPS = 4
MAX_LISTED = 20
PREFIX = "Function input - output pairs: "

SIMD_ATOMS = ("sin", "cos", "tanh", "gaussian", "logarithm")


def tolerant_atoms(fn):
    """The atoms of one function whose FIND values come from NumPy's SIMD
    transcendental loops or its array power loop (may differ by a few ulp)."""
    atoms = [a for a in fn["atoms"] if a in SIMD_ATOMS]
    if fn.get("square_wave_form") == "real":
        atoms.append("square_wave(real)")
    if fn["variant"] == "corrupted":
        atoms += [a for a in fn["atoms"] if a in ("polynomial", "rational")]
    return sorted(set(atoms))


def text_kind(text):
    """None / int / float / nan / inf / complex / other."""
    if text == "None":
        return "None"
    if text.startswith("(") or text.endswith("j"):
        try:
            complex(text)
            return "complex"
        except ValueError:
            return "other"
    try:
        value = float(text)
    except ValueError:
        return "other"
    if value != value:
        return "nan"
    if value in (float("inf"), float("-inf")):
        return "inf"
    try:
        int(text)
        return "int"
    except ValueError:
        return "float"


def ordered_bits(value):
    """The double's bits on an integer line where adjacent doubles differ by
    1 (so ulp distance is a subtraction, also across zero)."""
    (bits,) = struct.unpack("<q", struct.pack("<d", value))
    return bits if bits >= 0 else -(bits & 0x7FFFFFFFFFFFFFFF)


def ulps(a, b):
    """ulp distance of two doubles; None if not both finite."""
    if not (abs(a) < float("inf") and abs(b) < float("inf")):
        return None
    return abs(ordered_bits(a) - ordered_bits(b))


def parts_ulps(got, want, kind):
    """Largest ulp distance over the parts (real/imag for complex)."""
    if kind == "float":
        return ulps(float(got), float(want))
    g, w = complex(got), complex(want)
    d = [ulps(g.real, w.real), ulps(g.imag, w.imag)]
    return None if None in d else max(d)


def within_scale(got, want, scale):
    """|got - want| <= NEAR_ULPS ulp of the SIMD terms' magnitude `scale`."""
    if scale is None:
        return False
    g, w = float(got), float(want)
    return abs(g - w) <= NEAR_ULPS * math.ulp(max(abs(w), scale))


def compare(got, want, tolerant, scale=None):
    """('exact' | 'near' | 'mismatch', detail for mismatches)."""
    if got == want:
        return "exact", None
    gk, wk = text_kind(got), text_kind(want)
    if gk != wk:
        return "mismatch", None
    if gk in ("float", "complex"):
        d = parts_ulps(got, want, gk)
        if d is not None and d <= NEAR_ULPS:
            if tolerant:
                return "near", None
            if d == 0:
                return "mismatch", "sign of zero"
            return "mismatch", f"<={NEAR_ULPS} ulp, no SIMD atom"
        if tolerant and gk == "float" and within_scale(got, want, scale):
            return "near", None
        return "mismatch", f">{NEAR_ULPS} ulp"
    if gk == "inf":
        return "mismatch", "sign"
    return "mismatch", "text"


def parse_line(stdout, inputs):
    """The outputs of findc call's line, matched against the inputs we gave.

    An output may contain ') (' only inside a complex number's text, never
    followed by the next input and ', ', so each output ends at the first
    ') (NEXT, ' (or at the final ') ')."""
    lines = stdout.splitlines()
    if len(lines) != 1 or not lines[0].startswith(PREFIX):
        raise ValueError(f"expected one line starting {PREFIX!r}, got {stdout[:200]!r}")
    line, pos, outs = lines[0], len(PREFIX), []
    for k, arg in enumerate(inputs):
        head = f"({arg}, "
        if not line.startswith(head, pos):
            raise ValueError(f"expected {head!r} at column {pos}: {line[pos:pos + 60]!r}")
        pos += len(head)
        if k + 1 < len(inputs):
            end = line.find(f") ({inputs[k + 1]}, ", pos)
        else:
            end = len(line) - 2 if line.endswith(") ") else -1
        if end < pos:
            raise ValueError(f"no end for the output of {arg!r}: {line[pos:pos + 60]!r}")
        outs.append(line[pos:end])
        pos = end + 2
    if pos != len(line):
        raise ValueError(f"trailing text {line[pos:pos + 60]!r}")
    return outs


def run_findc(findc, suite, name, inputs, engine):
    cmd = [findc, "call", suite, "--fn", name, "--clean"]
    if engine:
        cmd += ["--engine", engine]
    cmd += inputs
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as err:
        return None, f"findc call --fn {name}: {err}"
    if proc.returncode != 0:
        return None, f"findc call --fn {name}: exit {proc.returncode}: {proc.stderr.strip()[:300]}"
    try:
        return parse_line(proc.stdout, inputs), None
    except ValueError as err:
        return None, f"findc call --fn {name}: unreadable output: {err}"


def split_suite(suite, names, folder):
    """{name: path of a one-bench suite}: the `bench NAME(...)` line and the
    indented lines after it, copied from SUITE unchanged (findc's start-up
    then parses one function instead of 1,000 with their MLP weights)."""
    with open(suite, encoding="utf-8") as f:
        lines = f.read().split("\n")
    paths, wanted = {}, set(names)
    for i, line in enumerate(lines):
        if not line.startswith("bench "):
            continue
        name = line[len("bench "):].split("(", 1)[0].strip()
        if name not in wanted:
            continue
        j = i + 1
        while j < len(lines) and lines[j][:1] in (" ", "\t") and lines[j].strip():
            j += 1
        paths[name] = os.path.join(folder, name + ".fnd")
        with open(paths[name], "w", encoding="utf-8") as f:
            f.write("\n".join(lines[i:j]) + "\n")
    return paths


def load_data(path):
    opener = lzma.open if path.endswith(".xz") else open
    with opener(path, "rt") as f:
        return json.load(f)


def input_label(data, k):
    return "grid" if k < data["edge_inputs"]["first"] else f"x={data['inputs'][k]}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--findc", default=os.path.join(REPO, "build", "tools", "findc", "findc"))
    ap.add_argument("--suite", default=os.path.join(REPO, "examples", "find-v1-numeric.fnd"))
    ap.add_argument("--data", default=os.path.join(HERE, "find_v1_printed.json.xz"))
    ap.add_argument("--fn", action="append", default=[],
                    help="only these functions (repeat, or comma-separated)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--engine", choices=("jit", "interp"), help="passed to findc call")
    ap.add_argument("--split-suite", action="store_true",
                    help="give findc each bench alone, copied from SUITE into a temporary "
                    "one-function suite (much faster: the full suite takes findc ~0.3 s to load)")
    ap.add_argument("--summary-only", action="store_true", help="do not list mismatches")
    ap.add_argument("--by-cause", action="store_true",
                    help="group the mismatches by kind of text, detail, variant and category")
    args = ap.parse_args(argv)

    data = load_data(args.data)
    functions = data["functions"]
    inputs = data["inputs"]
    names = sorted(functions)
    if args.fn:
        wanted = [n for spec in args.fn for n in spec.split(",") if n]
        unknown = [n for n in wanted if n not in functions]
        if unknown:
            print(f"not in {args.data}: {', '.join(unknown)}", file=sys.stderr)
            return 2
        names = sorted(set(wanted))

    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="find_v1_printed.") as folder:
        suites = split_suite(args.suite, names, folder) if args.split_suite else {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = {n: pool.submit(run_findc, args.findc, suites.get(n, args.suite), n,
                                      inputs, args.engine)
                       for n in names}
            results = {n: f.result() for n, f in futures.items()}
    elapsed = time.monotonic() - start

    exact, near, mismatched = 0, collections.Counter(), []
    errors = []
    for name in names:
        outs, err = results[name]
        fn = functions[name]
        if err:
            errors.append(err)
            continue
        tol = tolerant_atoms(fn)
        scales = fn.get("simd_scale") or [None] * len(inputs)
        for k, (got, want) in enumerate(zip(outs, fn["outputs"])):
            verdict, detail = compare(got, want, bool(tol), scales[k])
            if verdict == "exact":
                exact += 1
            elif verdict == "near":
                near["+".join(tol)] += 1
            else:
                mismatched.append((name, k, got, want, detail))

    total = len(names) * len(inputs)
    print(f"findc {args.findc}\n{len(names)} functions x {len(inputs)} inputs = {total} outputs "
          f"({len(errors)} findc runs failed) in {elapsed:.1f} s with {args.jobs} jobs")
    print(f"  exact:      {exact}")
    print(f"  near:       {sum(near.values())}"
          + (" (" + ", ".join(f"{a} {n}" for a, n in sorted(near.items())) + ")" if near else ""))
    print(f"  mismatched: {len(mismatched)}"
          + (f" in {len({m[0] for m in mismatched})} functions" if mismatched else ""))
    for err in errors[:MAX_LISTED]:
        print(f"error: {err}")

    if mismatched and not args.summary_only:
        for name, k, got, want, detail in mismatched[:MAX_LISTED]:
            fn = functions[name]
            print(f"{name} x={inputs[k]}: findc {got!r} != FIND {want!r} "
                  f"({fn['variant']}, {fn['category']})" + (f" [{detail}]" if detail else ""))
        if len(mismatched) > MAX_LISTED:
            print(f"... and {len(mismatched) - MAX_LISTED} more")

    if mismatched and args.by_cause:
        coarse = collections.Counter()
        fine = collections.defaultdict(lambda: [0, collections.Counter(), set()])
        for name, k, got, want, detail in mismatched:
            fn = functions[name]
            key = (text_kind(got), text_kind(want), detail or "", fn["variant"])
            coarse[key] += 1
            g = fine[key + (fn["category"],)]
            g[0] += 1
            g[1][input_label(data, k)] += 1
            g[2].add(name)
        print("\nmismatches by cause (findc kind -> FIND kind [detail], variant):")
        for (gk, wk, detail, variant), n in sorted(coarse.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {n:6d}  {gk} -> {wk}" + (f" [{detail}]" if detail else "") + f", {variant}")
        print("\n... and by category (count, functions, inputs):")
        for key, (n, where, fns) in sorted(fine.items(), key=lambda kv: (kv[0][:4], -kv[1][0],
                                                                         kv[0][4])):
            gk, wk, detail, variant, category = key
            where_text = " ".join(f"{w}:{c}" for w, c in sorted(where.items()))
            print(f"  {n:6d}  {gk} -> {wk}" + (f" [{detail}]" if detail else "")
                  + f", {variant}, {category}: {len(fns)} fn, {where_text}")

    return 1 if (mismatched or errors) else 0


if __name__ == "__main__":
    sys.exit(main())
