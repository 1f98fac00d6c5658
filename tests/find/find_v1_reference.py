#!/usr/bin/env python3
"""Independent reference values for FIND v1's 1,000 released numeric functions.

    find_v1_reference.py DATA_JSON [--variants VARIANTS_JSON] [--out FILE]
    find_v1_reference.py DATA_JSON --self-test

For every entry of FIND's data.json (numeric-data.json) this rebuilds the clean
single-line Python expression the way FIND's writer
(src/make_functions/make_numeric/write_source_code.py) built it, by pasting
parameter text into templates, and evaluates it at FIND's scoring grid
x = i + 0.5, i in range(-128, 128). See docs/find-v1-notes.md for the evidence
behind every template and rule used here.

The evaluation deliberately does NOT try to be numpy. FIND's harness feeds one
Python float at a time, and a stable, machine-independent reading of "what that
code computes" is: the written expression, operation by operation, in IEEE
double, with glibc's libm for sin/cos/tanh/exp/log and C pow for every `**`.
That is exactly what CPython's float arithmetic and `math` module give, so the
expression text is `eval`ed against a scalar stand-in for numpy (`_ScalarNumpy`).

Only the Python 3 standard library is used (no numpy on the machines this runs on).
"""

import argparse
import json
import math
import os
import re
import sys

GRID = [i + 0.5 for i in range(-128, 128)]

# FIND's variant file names (numeric-variants.json values).
CLEAN = "function_code.py"
NOISED = "noised_function_code.py"
CORRUPTED = "corrupted_function_code.py"
MLP = "load_mlp.py"


# ---------------------------------------------------------------------------
# The writer: templates re-typed from write_source_code.py.
#
# Each template reproduces the text FIND's `write_simple_function` produced
# from the word `return` on, including what follows the return line, because
# FIND's `extract_function_call` regex depends on it: the absolute template is
# the only one with no newline after the expression. Parameters are pasted with
# f-string formatting, i.e. str(), exactly like the writer; JSON floats
# round-trip through Python's shortest repr, so str() gives the released text.
# ---------------------------------------------------------------------------

def _atom_code(atom, p):
    """Text of FIND's simple-function template for one atom, from `return` on."""
    if atom == "linear":
        return f"return {p[0]}*x + {p[1]}\n        "
    if atom == "polynomial":
        degree = len(p) - 1
        terms = ["{}*x**{}".format(p[i], degree - i) for i in range(degree + 1)]
        return f"return {' + '.join(terms)}\n        "
    if atom == "rational":
        num = " + ".join(f"{p[0][i]}*x**{i}" for i in range(len(p[0])))
        den = " + ".join(f"{p[1][i]}*x**{i}" for i in range(len(p[1])))
        return f"return ({num}) / ({den})\n        "
    if atom == "root":
        return f"return {p[0]}*(x**(1.0 / {p[2]})) + {p[1]}\n        "
    if atom == "reciprocal":
        return f"return 1 / ({p[0]} * x)\n        "
    if atom == "square_wave":
        # Two lines; `return` only comes on the second. The caller decides
        # whether the first line survives (see clean_expression).
        return (f"x = np.sin((x - {p[1]}) * (2 * np.pi / {p[0]}))\n"
                f"        return np.where(x > 0, 1, -1)\n        ")
    if atom == "absolute":
        # FIND's template forgot the bias p[1] and the trailing newline.
        return f"return {p[0]}*np.abs(x)"
    if atom == "logarithm":
        return f"return {p[0]}*(np.log(x) / np.log({p[2]})) + {p[1]}\n        "
    if atom == "step":
        return f"return {p[0]}*np.heaviside(x, {p[2]})+ {p[1]}\n        "
    if atom == "rectangle":
        return f"return np.where(abs(x) <= {p[0]}/2,1,0)\n        "
    if atom == "relu":
        return f"return {p[0]} * np.where(x > 0, x, x * {p[2]}) + {p[1]}\n        "
    if atom in ("tanh", "sin", "cos"):
        return (f"return {p[0]} * np.{atom}((2 * np.pi / {p[1]})*(x-{p[2]})) + {p[3]}"
                "\n        ")
    if atom == "gaussian":
        return (f"return (1 / ({p[1]} * np.sqrt(2 * np.pi))) * "
                f"np.exp(-0.5 * ((x - {p[0]}) / {p[1]}) ** 2)\n        ")
    if atom == "constant":
        # p is a bare int here, pasted whole.
        return f"return {p}* np.ones_like(x)\n                "
    if atom == "ceil":
        return "return np.ceil(x)\n                "
    if atom == "floor":
        return "return np.floor(x)\n                    "
    # signum, sigmoid, tan, topower, pow, error_func, student_t, poisson exist
    # in the writer but no v1 entry uses them; refuse rather than guess.
    raise ValueError(f"atom not used by FIND v1: {atom!r}")


def extract_function_call(code):
    """FIND's own helper, same regexes: the text after the FIRST `return ` up
    to the end of that line. This is what truncates square_wave to its second
    line inside composed, noised and corrupted code."""
    match = re.search(r"return (.*)\n", code)
    if match:
        return match.group(1)
    return re.search(r"return (.*)", code).group(1)


def _split_name(entry):
    """(atoms, op, params per atom) for an entry; op is None for simple ones."""
    head = entry["name"].split("(", 1)[0]
    parts = head.split(";")
    if len(parts) == 1:
        return parts, None, [entry["params"]]
    if len(parts) != 3:
        raise ValueError(f"unexpected composition (v1 has only two-atom ones): {entry['name']}")
    return parts[:2], parts[2], list(entry["params"])


def square_wave_real_form(p):
    """The clean simple square wave as ONE expression.

    The released clean file has two statements:
        x = np.sin((x - s) * (2 * np.pi / P))
        return np.where(x > 0, 1, -1)
    The second statement reads the new x exactly once, so substituting the
    first right-hand side for it evaluates the same operations in the same
    order; --self-test checks this against exec of the two statements."""
    first, second = _atom_code("square_wave", p).split("\n")[:2]
    rhs = first.split("=", 1)[1].strip()
    ret = second.strip()[len("return "):]
    return ret.replace("x > 0", f"{rhs} > 0", 1)


def clean_expression(entry, variant):
    """The clean single-line expression for one entry.

    Compositions, and simple square waves released as noised/corrupted code,
    get FIND's truncated square wave `np.where(x > 0, 1, -1)` because that is
    what the released file contains. Simple square waves whose released file
    is function_code.py (clean) or load_mlp.py (MLP, trained on the real wave)
    get the real two-line square wave collapsed to one expression."""
    atoms, op, params = _split_name(entry)
    if op is None:
        if atoms[0] == "square_wave" and variant in (CLEAN, MLP):
            return square_wave_real_form(params[0])
        return extract_function_call(_atom_code(atoms[0], params[0]))
    ea, eb = (extract_function_call(_atom_code(a, p)) for a, p in zip(atoms, params))
    if op == "sum_two":
        # No parentheses and a trailing space: Python sums all terms of both
        # atoms left to right, e.g. ((m*x + b) + a*H(x)) + c.
        return f"{ea} + {eb} "
    if op == "multiply_two":
        return f"({ea}) * ({eb})"
    raise ValueError(f"combinator not used by FIND v1: {op!r}")


_NOISE = {
    "normal": "np.random.normal(scale=1)",
    "uniform": "np.random.uniform(low=-1, high=1)",
    "poisson": "np.random.poisson(lam=1)",
}


def released_return_line(entry, variant):
    """The `return ...` statement of the released file for `variant`, as
    FIND's writer wrote it (leading indentation removed). Used only to check
    the writer against released files; noise and corruption are not
    evaluated anywhere in this script."""
    expr = clean_expression(entry, variant)
    if variant == CLEAN:
        return f"return {expr}"
    if variant == NOISED:
        return f"return {expr} + {_NOISE[entry['noise_type']]}"
    if variant == CORRUPTED:
        kind = entry["corruption_type"]
        loc = entry["corruption_params"]["std"]
        bounds = entry["corruption_params"]["boundary"]
        if kind == "interval_smaller":
            return (f"return np.where(x > {bounds[0]}, {expr}, "
                    f"np.random.normal(loc={loc},scale=0.1, size=x.shape))")
        if kind == "interval_larger":
            return (f"return np.where(x < {bounds[0]}, {expr}, "
                    f"np.random.normal(loc={loc}, scale=0.1,size=x.shape))")
        if kind == "interval_inside":
            return (f"return np.where((x > {bounds[0]}) & (x < {bounds[1]}), "
                    f"np.random.normal(loc={loc},scale=0.1, size=x.shape), {expr})")
        raise ValueError(f"unknown corruption {kind!r}")
    raise ValueError(f"no single return line for variant {variant!r}")


# ---------------------------------------------------------------------------
# Scalar evaluation.
# ---------------------------------------------------------------------------

def _ceil(x):
    # math.ceil returns an int and so loses the sign of a zero result;
    # numpy (C ceil) gives -0.0 for x in (-1, 0).
    r = float(math.ceil(x))
    return math.copysign(0.0, x) if r == 0.0 else r


def _floor(x):
    r = float(math.floor(x))
    return math.copysign(0.0, x) if r == 0.0 else r


def _heaviside(x, h):
    # numpy's definition: h exactly at 0, NaN propagates.
    if math.isnan(x):
        return math.nan
    if x < 0:
        return 0.0
    if x > 0:
        return 1.0
    return float(h)


class _ScalarNumpy:
    """What FIND's expressions use of numpy, for one Python float.

    Each function is the corresponding `math` (glibc libm) call, so every
    operation is one IEEE double operation. Where numpy would return inf/NaN
    with a warning, `math` raises instead; the caller records null there."""
    pi = math.pi
    abs = staticmethod(abs)
    sin = staticmethod(math.sin)
    cos = staticmethod(math.cos)
    tanh = staticmethod(math.tanh)
    exp = staticmethod(math.exp)
    log = staticmethod(math.log)
    sqrt = staticmethod(math.sqrt)
    ceil = staticmethod(_ceil)
    floor = staticmethod(_floor)
    heaviside = staticmethod(_heaviside)

    @staticmethod
    def where(cond, a, b):
        # Both branches were already evaluated as call arguments, as in numpy.
        return a if cond else b

    @staticmethod
    def ones_like(x):
        return 1.0


_NP = _ScalarNumpy()


def evaluate(expr, grid=GRID, null_reasons=None):
    """Values of `expr` at each grid point; None where FIND's scalar code has
    no finite real value. Ints (rectangle, square waves) stay ints, as in
    FIND's printed output. `null_reasons` (a dict) counts why values are null."""
    code = compile(expr, "<find-expression>", "eval")
    out = []
    for x in grid:
        try:
            y = eval(code, {"__builtins__": {"abs": abs}, "np": _NP}, {"x": x})
        except (ZeroDivisionError, ValueError, OverflowError) as err:
            y, reason = None, type(err).__name__
        else:
            reason = None
            if isinstance(y, complex):
                # Python float ** 0.5 of a negative base (root with n=2).
                y, reason = None, "complex"
            elif not math.isfinite(y):
                y, reason = None, "nonfinite"
        if reason and null_reasons is not None:
            null_reasons[reason] = null_reasons.get(reason, 0) + 1
        out.append(y)
    return out


def load_entries(data_path, variants_path=None):
    with open(data_path) as f:
        data = json.load(f)
    if variants_path is None:
        variants_path = os.path.join(os.path.dirname(os.path.abspath(data_path)),
                                     "numeric-variants.json")
    with open(variants_path) as f:
        variants = json.load(f)
    return data, variants


def build_reference(data, variants):
    functions, expressions, released, mlp = {}, {}, {}, []
    null_reasons = {}
    for entry in sorted(data, key=lambda e: e["dir"]):
        name, variant = entry["dir"], variants[entry["dir"]]
        expr = clean_expression(entry, variant)
        expressions[name] = expr
        released[name] = variant
        functions[name] = evaluate(expr, GRID, null_reasons)
        if variant == MLP:
            mlp.append(name)
    finite = sum(v is not None for vals in functions.values() for v in vals)
    total = sum(len(vals) for vals in functions.values())
    return {
        "grid": GRID,
        "functions": functions,
        "expressions": expressions,
        "variants": released,
        "mlp": mlp,
        "counts": {"functions": len(functions), "values": total, "finite": finite,
                   "null": total - finite, "null_reasons": null_reasons},
    }


# ---------------------------------------------------------------------------
# Self-test: facts from docs/find-v1-notes.md and released function_code.py
# files (ReihanehIranManesh/interpretability-with-ToT, FIND's dataset layout).
# ---------------------------------------------------------------------------

# Released `return` lines (leading indentation stripped, trailing kept), each
# from the released file named in numeric-variants.json for that function.
_RELEASED_LINES = {
    "f00160": "return np.floor(x) + -39* np.ones_like(x) ",
    "f00465": "return (-86* np.ones_like(x)) * (-4* np.ones_like(x))",
    "f00391": "return (np.where(x > 0, 1, -1)) * (11.5 * np.where(x > 0, x, x * 0.8) + 4.5)",
    "f00335": "return np.where(abs(x) <= 2.3/2,1,0) + np.where(x > 0, 1, -1) ",
    "f00173": "return 88* np.ones_like(x) + 2.4*np.heaviside(x, -73.8)+ 0.3 ",
    "f00575": "return np.ceil(x) + 4.4*x**4 + 2.0*x**3 + -2.3*x**2 + 1.4*x**1 + -2.9*x**0 ",
    "f00816": "return np.where(x > 0, 1, -1) + 8.9*x + 7.9 ",
    "f00190": "return 26.6*np.abs(x)",
    "f00156": "return (1.4*x**0 + 2.0*x**1) / (6.3*x**0 + -0.2*x**1 + 9.7*x**2 + -3.6*x**3)",
    "f00176": "return -1.1*x**2 + 4.8*x**1 + 0.3*x**0",
    "f00177": "return (1 / (1.9 * np.sqrt(2 * np.pi))) * np.exp(-0.5 * ((x - 38.1) / 1.9) ** 2)",
    "f00169": "return -11.8*np.heaviside(x, -91.6)+ -10.0",
    "f00209": "return 2.3*(np.log(x) / np.log(6.6)) + 9.8",
    "f00153": "return -7.2 * np.cos((2 * np.pi / 2.8)*(x-5.3)) + -3.5",
    "f00181": "return -6.2 * np.tanh((2 * np.pi / 2.2)*(x-0.4)) + 2.5",
    "f00157": "return 19.1*(x**(1.0 / 1)) + 1.5",
    "f00162": "return np.where(abs(x) <= 1.0/2,1,0)",
    "f00204": "return 16.0 * np.where(x > 0, x, x * 0.4) + -4.3",
    "f00186": "return 2.5*x + 1.2",
    "f00171": "return -60* np.ones_like(x)",
    "f00154": "return 1 / (-7.8 * x)",
    # noised
    "f00152": "return np.where(x > 0, 1, -1) + np.random.normal(scale=1)",
    "f00164": "return -13.3*(x**(1.0 / 2)) + 6.0 + np.random.normal(scale=1)",
    "f00205": "return 87* np.ones_like(x) + np.random.uniform(low=-1, high=1)",
    "f00264": ("return (2.2*x**0 + -9.5*x**1) / (-2.6*x**0 + -0.2*x**1 + 5.5*x**2 + 3.4*x**3"
               " + -2.3*x**4 + -3.4*x**5) + np.random.poisson(lam=1)"),
    "f00776": ("return -22.5*np.heaviside(x, -94.2)+ 5.2 + np.where(abs(x) <= 2.8/2,1,0)"
               "  + np.random.normal(scale=1)"),
    # corrupted
    "f00166": ("return np.where(x < 51.8, np.where(x > 0, 1, -1), "
               "np.random.normal(loc=0.0, scale=0.1,size=x.shape))"),
    "f00161": ("return np.where((x > 46.7) & (x < 62.09413480289089), np.random.normal("
               "loc=1410.1919191919192,scale=0.1, size=x.shape), 28.1*np.abs(x))"),
    "f00213": ("return np.where(x > 61.2, -0.3*np.abs(x), "
               "np.random.normal(loc=-16.651515151515156,scale=0.1, size=x.shape))"),
    "f00344": ("return np.where(x > -93.4, -25.1*np.heaviside(x, -19.3)+ -7.4 + -1.2*x**4 + "
               "-3.0*x**3 + 0.9*x**2 + -1.6*x**1 + -4.3*x**0 , "
               "np.random.normal(loc=-24973124.600510523,scale=0.1, size=x.shape))"),
}

# The released clean simple square wave f00159 (two statements).
_RELEASED_F00159 = ["x = np.sin((x - -3.1) * (2 * np.pi / 3.7))",
                    "return np.where(x > 0, 1, -1)"]


def self_test(data, variants):
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)

    by_dir = {e["dir"]: e for e in data}
    check(len(data) == 1000 and len(variants) == 1000, "1,000 entries and variants")
    check(GRID[0] == -127.5 and GRID[-1] == 127.5 and len(GRID) == 256 and 0.0 not in GRID,
          "grid is the 256 half-integers")

    # 1. The writer reproduces released text character for character.
    for name, line in _RELEASED_LINES.items():
        got = released_return_line(by_dir[name], variants[name])
        check(got == line, f"{name} released text\n  want {line!r}\n  got  {got!r}")
    f159 = by_dir["f00159"]
    check(variants["f00159"] == CLEAN and
          _atom_code("square_wave", f159["params"]).split("\n")[0] == _RELEASED_F00159[0],
          "f00159 first square-wave line")

    ref = build_reference(data, variants)
    fns, exprs = ref["functions"], ref["expressions"]

    # 2. The collapsed real square wave equals exec of the two released statements.
    for e in data:
        if e["name"].startswith("square_wave(") and variants[e["dir"]] in (CLEAN, MLP):
            p = e["params"]
            body = ("def function(x):\n"
                    f"    x = np.sin((x - {p[1]}) * (2 * np.pi / {p[0]}))\n"
                    "    return np.where(x > 0, 1, -1)\n")
            scope = {"np": _NP}
            exec(body, scope)
            two_line = [scope["function"](x) for x in GRID]
            check(two_line == fns[e["dir"]], f"{e['dir']} real square wave != two-line exec")
            check(set(fns[e["dir"]]) <= {1, -1}, f"{e['dir']} square wave values")

    # 3. Value facts per atom (simple entries).
    for e in data:
        atom = e["name"].split("(", 1)[0]
        name, vals, p = e["dir"], fns[e["dir"]], e["params"]
        if atom == "rectangle":
            check(all(type(v) is int and v in (0, 1) for v in vals), f"{name} rectangle ints 0/1")
            check(all(v == (1 if abs(x) <= p[0] / 2 else 0) for x, v in zip(GRID, vals)),
                  f"{name} rectangle edges")
        elif atom == "step":
            # a*H(x)+b: b left of 0, a+b right of 0 (x = 0 is not on the grid).
            check(all(v == (p[0] * (1.0 if x > 0 else 0.0) + p[1]) for x, v in zip(GRID, vals)),
                  f"{name} step values")
        elif atom == "logarithm":
            check(all((v is None) == (x < 0) for x, v in zip(GRID, vals)),
                  f"{name} logarithm null exactly at x < 0")
        elif atom == "root":
            check(all((v is None) == (x < 0 and p[2] == 2) for x, v in zip(GRID, vals)),
                  f"{name} root null exactly at x < 0 for n = 2")
        elif atom == "absolute":
            check("np.abs(x)" in exprs[name] and str(p[1]) not in exprs[name].split("*", 1)[1],
                  f"{name} absolute drops its bias")
            check(all(v == p[0] * abs(x) for x, v in zip(GRID, vals)), f"{name} absolute values")
        elif atom == "constant":
            check(all(v == float(p) for v in vals), f"{name} constant values")
        elif atom == "square_wave" and variants[name] in (NOISED, CORRUPTED):
            check(exprs[name] == "np.where(x > 0, 1, -1)", f"{name} truncated square wave")
            check(vals == [1 if x > 0 else -1 for x in GRID], f"{name} truncated values")
        elif ";" not in atom:
            check(all(v is not None for v in vals) or atom in ("reciprocal", "rational",
                                                                 "gaussian", "polynomial"),
                  f"{name} {atom} unexpectedly has nulls")

    # 4. Compositions: flat sums, parenthesised products, truncated square waves.
    for e in data:
        if ";" in e["name"]:
            text = exprs[e["dir"]]
            check("np.sin" not in text, f"{e['dir']} composition keeps truncated square wave")
            op = e["name"].split("(", 1)[0].split(";")[2]
            check(text.endswith(" ") if op == "sum_two" else text.startswith("("),
                  f"{e['dir']} {op} shape")
    # f00160 = floor(x) - 39, flat; f00465 = 344 everywhere.
    check(fns["f00160"] == [math.floor(x) + -39.0 for x in GRID], "f00160 values")
    check(fns["f00465"] == [344.0] * 256, "f00465 values")
    check(fns["f00698"] == [math.ceil(x) * -79.0 for x in GRID], "f00698 values (ceil)")
    check(fns["f00391"] == [(1 if x > 0 else -1) * (11.5 * (x if x > 0 else x * 0.8) + 4.5)
                            for x in GRID], "f00391 values")

    # 5. Bookkeeping from the notes.
    counts = {}
    for v in variants.values():
        counts[v] = counts.get(v, 0) + 1
    check(counts == {CLEAN: 483, NOISED: 176, CORRUPTED: 191, MLP: 150}, f"variant counts {counts}")
    check(ref["mlp"] == [f"f{i:05d}" for i in range(150)], "MLP entries are f00000-f00149")

    for f in failures:
        print("FAIL:", f)
    c = ref["counts"]
    print(f"self-test: {len(failures)} failure(s); {c['functions']} functions, "
          f"{c['finite']} finite values, {c['null']} null {c['null_reasons']}")
    return not failures


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", help="FIND's data.json (numeric-data.json)")
    ap.add_argument("--variants", help="FIND's func_name_dict.json "
                    "(default: numeric-variants.json next to DATA_JSON)")
    ap.add_argument("--out", help="write the JSON here instead of stdout")
    ap.add_argument("--self-test", action="store_true",
                    help="check the writer and values against known facts; exit 1 on failure")
    args = ap.parse_args(argv)

    data, variants = load_entries(args.data, args.variants)
    if args.self_test:
        return 0 if self_test(data, variants) else 1

    text = json.dumps(build_reference(data, variants), indent=None)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    else:
        sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
