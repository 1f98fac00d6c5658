#!/usr/bin/env python3
"""What FIND v1's released code prints without its random draws.

    find_v1_printed.py DATA_JSON [--variants VARIANTS_JSON] [--out FILE]

For each of the 850 non-MLP FIND v1 numeric functions (numeric-variants.json
value != load_mlp.py) this builds `function(x)` the way the released
`function_code.py` defines it, with every random draw replaced by zero of the
draw's type ("the served function without its random effects"), runs it the
way the released `__main__` frame does, and records the printed text of each
output. Needs numpy (Debian's /usr/bin/python3 has numpy 1.24); the writer
(the expression text) comes from find_v1_reference.py next to this file.

The released frame, for each command-line argument `arg`:

    x = float(arg)
    try:
        out = function(x)
    except:
        out = 'None'
    outputs += f'({arg}, {out}) '

so the recorded text of an output is f'{out}' (or 'None'). The inputs are
FIND's scoring grid, given as argv text str(i + 0.5) for i in range(-128, 128)
("-127.5" ... "127.5"), and the edge inputs EDGE_INPUTS as the strings shown.

How each variant's function is built (`function_source` gives the text):

- clean (function_code.py): the released body itself: `return <expr>`; the
  simple square wave keeps its two statements
  (`x = np.sin(...)` then `return np.where(x > 0, 1, -1)`), executed as such.
- noised (noised_function_code.py): `return <expr> + ZERO` where ZERO is the
  draw the released file makes (np.random.normal(scale=1),
  np.random.uniform(low=-1, high=1) or np.random.poisson(lam=1)) with the
  value zero and the draw's type: `type(draw)(0)`, the type taken from a real
  draw at run time. With numpy 1.24 normal and uniform return a Python float
  (ZERO = 0.0) and poisson a Python int (ZERO = 0). So, as in the served
  code, `-0.0 + 0.0` prints 0.0, a rectangle's 0-d int array + 0.0 prints
  1.0, and + 0 keeps it an int.
- corrupted (corrupted_function_code.py): the released body with the
  corruption never chosen:

      if type(x) == int or type(x) == float:
          x = np.array(x)
      return np.where(True, <expr>, np.zeros(x.shape))

  i.e. the region condition is constant True (never corrupting) and the
  normal draw np.random.normal(loc=L, scale=0.1, size=x.shape), a float64
  array of x's shape, is replaced by float64 zeros of the same shape. The
  clean branch is evaluated on the 0-d array (NumPy semantics: 1/0 -> inf,
  no exception, (-4)**0.5 -> nan) and np.where gives it the dtype of the
  served np.where (float64: ints print as 1.0).

The data file (--out, default find_v1_printed.json.xz next to this script)
is JSON compressed with xz:

    {"format": 1, "python": ..., "numpy": ..., "inputs": [263 argv strings],
     "grid": {...}, "edge_inputs": [...], "zero_draws": {...},
     "functions": {"f00150": {"variant": "clean"|"noised"|"corrupted",
                              "category": "sin" | "ceil;linear;multiply_two",
                              "atoms": ["ceil", "linear"],
                              "square_wave_form": "real"|"truncated"|null,
                              "outputs": [263 printed texts],
                              "simd_scale": [263 numbers or null] (optional)},
                   ...},
     "counts": {...}}

`outputs[k]` is the text printed for `inputs[k]`. `simd_scale` (only for
functions using sin, cos, tanh, exp (gaussian) or log (logarithm), and for
corrupted ones using polynomial or rational, whose x**k is NumPy's array
power) is, where it exceeds |output|, the magnitude of those terms in the
output, measured by scaling the five NumPy functions' results (and in
corrupted code each x**k) by 1 +- 2**-20 and watching the output move:
NumPy's SIMD results are a few ulp of THAT magnitude, which can be many ulp
of an output like -7.2*cos(...) + -3.5 = 0.989 (cancellation). tests/find/README.md says
how to regenerate it; check_find_v1_printed.py compares findc with it.
"""

import argparse
import collections
import json
import lzma
import os
import platform
import re
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import find_v1_reference as ref  # noqa: E402  (the writer: expression text)
from check_find_v1_printed import text_kind  # noqa: E402  (one classification of printed text)

GRID_INPUTS = [str(i + 0.5) for i in range(-128, 128)]
EDGE_INPUTS = ["0", "-1", "1", "1e6", "-1e6", "1e200", "-4"]
INPUTS = GRID_INPUTS + EDGE_INPUTS

VARIANT_NAMES = {ref.CLEAN: "clean", ref.NOISED: "noised", ref.CORRUPTED: "corrupted"}

# The draw text each noised file appends, and the call that makes it.
NOISE_DRAWS = {
    "normal": ("np.random.normal(scale=1)", lambda: np.random.normal(scale=1)),
    "uniform": ("np.random.uniform(low=-1, high=1)",
                lambda: np.random.uniform(low=-1, high=1)),
    "poisson": ("np.random.poisson(lam=1)", lambda: np.random.poisson(lam=1)),
}


def zero_draws():
    """{noise_type: zero of the type a real draw has}, found by drawing."""
    zeros = {}
    for kind, (_, draw) in NOISE_DRAWS.items():
        types = {type(draw()) for _ in range(3)}
        if len(types) != 1:
            raise RuntimeError(f"np.random {kind} draws have several types: {types}")
        zeros[kind] = types.pop()(0)
    return zeros


def atoms_of(entry):
    head = entry["name"].split("(", 1)[0]
    parts = head.split(";")
    return head, parts[:2] if len(parts) == 3 else parts, parts[2] if len(parts) == 3 else None


def function_source(entry, variant):
    """The text of `def function(x): ...` for one entry (random draws zeroed;
    the noised ZERO is the name ZERO, bound by `build_function`)."""
    head, atoms, op = atoms_of(entry)
    if variant == ref.CLEAN:
        if head == "square_wave":
            period, shift = entry["params"]
            return ("def function(x):\n"
                    f"    x = np.sin((x - {shift}) * (2 * np.pi / {period}))\n"
                    "    return np.where(x > 0, 1, -1)\n")
        return f"def function(x):\n    {ref.released_return_line(entry, variant)}\n"
    if variant == ref.NOISED:
        line = ref.released_return_line(entry, variant)
        draw_text = NOISE_DRAWS[entry["noise_type"]][0]
        if not line.endswith(" + " + draw_text):
            raise ValueError(f"{entry['dir']}: unexpected noised line {line!r}")
        return f"def function(x):\n    {line[:-len(draw_text)]}ZERO\n"
    if variant == ref.CORRUPTED:
        expr = ref.clean_expression(entry, variant)
        return ("def function(x):\n"
                "    if type(x) == int or type(x) == float:\n"
                "        x = np.array(x)\n"
                f"    return np.where(True, {expr}, np.zeros(x.shape))\n")
    raise ValueError(f"no function for variant {variant!r}")


def build_function(entry, variant, zeros, numpy=np):
    """The function, compiled from function_source. With a _PerturbedNumpy,
    in corrupted code every `x**k` (NumPy's array power on the 0-d x) is
    perturbed too."""
    scope = {"np": numpy}
    source = function_source(entry, variant)
    if isinstance(numpy, _PerturbedNumpy):
        scope["_P"] = lambda v: numpy._perturbed(lambda u: u, v)
        if variant == ref.CORRUPTED:
            source = re.sub(r"\bx\*\*(\d+)", r"_P(x**\1)", source)
    if variant == ref.NOISED:
        scope["ZERO"] = zeros[entry["noise_type"]]
    exec(compile(source, f"<{entry['dir']}>", "exec"), scope)
    return scope["function"]


# The NumPy functions whose results come from its SIMD loops (last bits depend
# on the numpy build and CPU), by the atom that uses them.
SIMD_UFUNCS = ("sin", "cos", "tanh", "exp", "log")
SIMD_ATOMS = ("sin", "cos", "tanh", "gaussian", "logarithm")
PERTURBATION = 2.0 ** -20


class _PerturbedNumpy:
    """numpy, except that the SIMD functions return (1 + PERTURBATION) times
    their value (-PERTURBATION on every second call): the output's change / PERTURBATION is how large the SIMD
    terms are in the output (a*sin(...) in a*sin(...) + d)."""

    def __init__(self):
        self.calls = 0
        for name in SIMD_UFUNCS:
            setattr(self, name, lambda v, _f=getattr(np, name): self._perturbed(_f, v))

    def _perturbed(self, ufunc, v):
        # Alternate the sign so that quotients like log(x) / log(base) do not
        # cancel the perturbation (they add up instead: a safe overestimate).
        self.calls += 1
        return ufunc(v) * (1 + (PERTURBATION if self.calls % 2 else -PERTURBATION))

    def __getattr__(self, name):
        return getattr(np, name)


def simd_scales(entry, variant, zeros, inputs=INPUTS):
    """Per input: the magnitude of the output's SIMD terms (and, in corrupted
    code, of its x**k terms) where it exceeds the output's own (cancellation,
    e.g. a*cos(...) + d near 0), as a float with 3 significant digits; None
    elsewhere. A few ulp of sin/cos/tanh/exp/log (or of NumPy's power) are
    a few ulp of that magnitude, not of the output."""
    exact = build_function(entry, variant, zeros)
    perturbed = build_function(entry, variant, zeros, _PerturbedNumpy())
    scales = []
    for arg in inputs:
        scale = None
        try:
            y, yp = exact(float(arg)), perturbed(float(arg))
            if not isinstance(y, complex):
                y, yp = float(y), float(yp)
                s = abs(yp - y) / PERTURBATION
                if s == s and s != float("inf") and s > abs(y):
                    scale = float(f"{s:.3g}")
        except Exception:  # noqa: BLE001  (no value, no scale)
            pass
        scales.append(scale)
    return scales if any(s is not None for s in scales) else None


def printed_outputs(function, inputs=INPUTS):
    """The frame: out = function(float(arg)), 'None' on any exception, f'{out}'."""
    texts = []
    for arg in inputs:
        x = float(arg)
        try:
            out = function(x)
        except:  # noqa: E722  (the released frame's bare except)
            out = 'None'
        texts.append(f'{out}')
    return texts


def build(data, variants):
    zeros = zero_draws()
    functions = {}
    kinds = {}
    for entry in sorted(data, key=lambda e: e["dir"]):
        name, variant = entry["dir"], variants[entry["dir"]]
        if variant == ref.MLP:
            continue
        head, atoms, op = atoms_of(entry)
        sw_form = None
        if "square_wave" in atoms:
            sw_form = "real" if (op is None and variant == ref.CLEAN) else "truncated"
        outputs = printed_outputs(build_function(entry, variant, zeros))
        vname = VARIANT_NAMES[variant]
        for k, text in enumerate(outputs):
            where = "grid" if k < len(GRID_INPUTS) else "edge"
            key = f"{vname}/{where}/{text_kind(text)}"
            kinds[key] = kinds.get(key, 0) + 1
        functions[name] = {"variant": vname, "category": head, "atoms": atoms,
                           "square_wave_form": sw_form, "outputs": outputs}
        if any(a in SIMD_ATOMS for a in atoms) or (
                variant == ref.CORRUPTED and {"polynomial", "rational"} & set(atoms)):
            scales = simd_scales(entry, variant, zeros)
            if scales:
                functions[name]["simd_scale"] = scales
    return {
        "format": 1,
        "generator": "tests/find/find_v1_printed.py",
        "python": platform.python_version(),
        "numpy": np.__version__,
        "inputs": INPUTS,
        "grid": {"text": "str(i + 0.5) for i in range(-128, 128)",
                 "first": 0, "count": len(GRID_INPUTS)},
        "edge_inputs": {"first": len(GRID_INPUTS), "inputs": EDGE_INPUTS},
        "zero_draws": {k: {"draw": NOISE_DRAWS[k][0], "type": type(v).__name__,
                           "zero": repr(v)} for k, v in zeros.items()},
        "functions": functions,
        "counts": {"functions": len(functions),
                   "printed_kinds": dict(sorted(kinds.items()))},
    }


def rule_counts(data, variants, result):
    """How many functions each Python-float-vs-NumPy rule touches (for
    docs/find-v1-notes.md), and what the data's outputs actually print."""
    rules = collections.Counter()
    for entry in data:
        variant = variants[entry["dir"]]
        if variant == ref.MLP:
            continue
        head, atoms, op = atoms_of(entry)
        scalar = variant in (ref.CLEAN, ref.NOISED)
        rules[f"all {VARIANT_NAMES[variant]}"] += 1
        if not scalar:
            rules["0-d NumPy array x (corrupted)"] += 1
            continue
        if {"reciprocal", "rational"} & set(atoms):
            rules["Python float '/' by x-dependent float: may raise ZeroDivisionError "
                  "(reciprocal, rational; clean/noised)"] += 1
        if "root" in atoms and entry["params"][2] == 2:
            rules["Python float ** 0.5 of x: complex for x < 0 (root n=2; clean/noised)"] += 1
        if {"polynomial", "rational", "gaussian", "root"} & set(atoms):
            rules["Python float '**' (C pow; OverflowError on overflow) (polynomial, rational, "
                  "gaussian, root; clean/noised)"] += 1
    printed = collections.Counter()
    fns = collections.defaultdict(set)
    for name, fn in result["functions"].items():
        for k, text in enumerate(fn["outputs"]):
            kind = text_kind(text)
            if kind in ("None", "complex", "nan", "inf"):
                where = "grid" if k < len(GRID_INPUTS) else "edge"
                printed[(kind, fn["variant"], where)] += 1
                fns[(kind, fn["variant"])].add(name)
    return rules, printed, fns


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", help="FIND's data.json (numeric-data.json)")
    ap.add_argument("--variants", help="FIND's func_name_dict.json "
                    "(default: numeric-variants.json next to DATA_JSON)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "find_v1_printed.json.xz"),
                    help="the data file to write (xz-compressed JSON; '-' for plain JSON on stdout)")
    ap.add_argument("--rules", action="store_true",
                    help="also print how many functions each Python-float/NumPy rule touches")
    args = ap.parse_args(argv)

    np.seterr(all="ignore")
    warnings.filterwarnings("ignore")
    data, variants = ref.load_entries(args.data, args.variants)
    result = build(data, variants)
    text = json.dumps(result, indent=None, separators=(",", ":")) + "\n"
    if args.out == "-":
        sys.stdout.write(text)
    else:
        with lzma.open(args.out, "wt", preset=9 | lzma.PRESET_EXTREME) as f:
            f.write(text)
    c = result["counts"]
    print(f"{c['functions']} functions x {len(INPUTS)} inputs; numpy {result['numpy']}, "
          f"Python {result['python']}; zero draws "
          + ", ".join(f"{k}: {v['type']} {v['zero']}" for k, v in result["zero_draws"].items()),
          file=sys.stderr)
    for key, n in c["printed_kinds"].items():
        print(f"  {key}: {n}", file=sys.stderr)
    if args.rules:
        rules, printed, fns = rule_counts(data, variants, result)
        print("functions per rule:", file=sys.stderr)
        for rule, n in sorted(rules.items()):
            print(f"  {n:4d}  {rule}", file=sys.stderr)
        print("printed None/complex/nan/inf (outputs; functions):", file=sys.stderr)
        for (kind, variant, where), n in sorted(printed.items()):
            print(f"  {kind:8s} {variant:9s} {where}: {n:5d}  "
                  f"({len(fns[(kind, variant)])} functions)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
