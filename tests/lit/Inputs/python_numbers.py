#!/usr/bin/env python3
"""Writes a findc file of Python's number semantics, and what CPython prints for it.

    python_numbers.py OUT_DIR

OUT_DIR/python.fnd has one function per case below, written with findc's
py_div, py_pow, py_mod, py_floordiv, py_int, py_float, py_round, py_math,
py_math_overflow, py_math_pow,
complex, re, im, is_complex and abs; each case's Python twin
is the same computation as CPython spells it. OUT_DIR/names lists the
functions and OUT_DIR/NAME.expected holds the line FIND's frame prints for
INPUTS (`x = float(arg)`, None where the function raises), which
`findc call python.fnd --fn NAME -- INPUTS...` must print exactly.
"""
import math
import os
import sys


def throw(kind):
    raise kind()


def int64(n):
    """findc's ints are int64: past it, findc raises OverflowError where Python's int grows (documented)."""
    if not -2**63 <= n < 2**63:
        raise OverflowError("int64")
    return n


INPUTS = ["0", "-0", "1", "-1", "4", "-4", "0.5", "-0.5", "2.5", "-2.5", "1e200", "-1e200", "1e-200",
          "-1e-200", "1e-320", "1e308", "inf", "-inf", "nan", "3", "-3", "100"]

# name: (findc result type, findc expression, Python lambda), both of x.
CASES = {
    "div": ("real", "py_div(1, x)", lambda x: 1 / x),
    "div_by_minus": ("real", "py_div(x, -0.0 + x * 0.0)", lambda x: x / (-0.0 + x * 0.0)),
    "zero_over": ("real", "py_div(0.0, x)", lambda x: 0.0 / x),
    "square": ("real", "py_pow(x, 2)", lambda x: x ** 2),
    "cube": ("real", "py_pow(x, 3)", lambda x: x ** 3),
    "fifth": ("real", "py_pow(x, 5)", lambda x: x ** 5),
    "inverse": ("real", "py_pow(x, -1)", lambda x: x ** -1),
    "inverse_square": ("real", "py_pow(x, -2)", lambda x: x ** -2),
    "zeroth": ("real", "py_pow(x, 0)", lambda x: x ** 0),
    "half": ("complex", "py_pow(x, 0.5)", lambda x: x ** 0.5),
    "three_halves": ("complex", "py_pow(x, 1.5)", lambda x: x ** 1.5),
    "minus_half": ("complex", "py_pow(x, -0.5)", lambda x: x ** -0.5),
    "third": ("complex", "py_pow(x, 1.0 / 3)", lambda x: x ** (1.0 / 3)),
    "to_inf": ("complex", "py_pow(x, inf)", lambda x: x ** float("inf")),
    "to_minus_inf": ("complex", "py_pow(x, -inf)", lambda x: x ** float("-inf")),
    "to_nan": ("complex", "py_pow(x, nan)", lambda x: x ** float("nan")),
    "two_to": ("complex", "py_pow(2.0, x)", lambda x: 2.0 ** x),
    "minus_two_to": ("complex", "py_pow(-2.0, x)", lambda x: (-2.0) ** x),
    "one_to": ("complex", "py_pow(-1.0, x)", lambda x: (-1.0) ** x),
    "root": ("complex", "-10.4*py_pow(x, 1.0 / 2) + 7.6", lambda x: -10.4 * (x ** (1.0 / 2)) + 7.6),
    "root_noised": ("complex", "-10.4*py_pow(x, 1.0 / 2) + 7.6 + 0.0", lambda x: -10.4 * (x ** (1.0 / 2)) + 7.6 + 0.0),
    "product": ("complex", "py_pow(x, 0.5) * py_pow(x, 0.5)", lambda x: x ** 0.5 * x ** 0.5),
    "quotient": ("complex", "py_pow(x, 0.5) / py_pow(x, 1.5)", lambda x: x ** 0.5 / x ** 1.5),
    "difference": ("complex", "py_pow(x, 0.5) - x", lambda x: x ** 0.5 - x),
    "negated": ("complex", "-py_pow(x, 0.5)", lambda x: -(x ** 0.5)),
    "magnitude": ("real", "abs(py_pow(x, 0.5))", lambda x: abs(x ** 0.5)),
    "real_part": ("real", "re(py_pow(x, 0.5))", lambda x: (x ** 0.5).real),
    "imag_part": ("real", "im(py_pow(x, 0.5))", lambda x: (x ** 0.5).imag),
    "kind": ("bool", "is_complex(py_pow(x, 0.5))", lambda x: isinstance(x ** 0.5, complex)),
    "made": ("complex", "complex(x, -x)", lambda x: complex(x, -x)),
    "made_zero_real": ("complex", "complex(0.0, x)", lambda x: complex(0.0, x)),
    "made_minus_zero_real": ("complex", "complex(-0.0, x)", lambda x: complex(-0.0, x)),
    "complex_quotient": ("complex", "complex(x, 2.0) / complex(1.0, x)", lambda x: complex(x, 2.0) / complex(1.0, x)),
    "by_zero_complex": ("complex", "complex(1.0, x) / complex(x * 0.0, 0.0)",
                        lambda x: complex(1.0, x) / complex(x * 0.0, 0.0)),
    "mixed_division": ("complex", "py_pow(x, 0.5) / x", lambda x: x ** 0.5 / x),
    "equal": ("bool", "py_pow(x, 0.5) == complex(0.0, 2.0)", lambda x: x ** 0.5 == complex(0.0, 2.0)),
    "equal_float": ("bool", "py_pow(x, 2) == py_pow(x, 2.0)", lambda x: x ** 2 == x ** 2.0),
    "branch": ("complex", "py_pow(x, 0.5) if x < 0 else x", lambda x: x ** 0.5 if x < 0 else x),
    "mod": ("real", "py_mod(x, 3.0)", lambda x: x % 3.0),
    "mod_negative": ("real", "py_mod(x, -2.5)", lambda x: x % -2.5),
    "mod_by": ("real", "py_mod(7.5, x)", lambda x: 7.5 % x),
    "mod_zero_by": ("real", "py_mod(-0.0, x)", lambda x: -0.0 % x),
    "floordiv": ("real", "py_floordiv(x, 3.0)", lambda x: x // 3.0),
    "floordiv_by": ("real", "py_floordiv(-7.5, x)", lambda x: -7.5 // x),
    "floordiv_zero_by": ("real", "py_floordiv(0.0, x)", lambda x: 0.0 // x),
    "int_of": ("int", "py_int(x)", lambda x: int64(int(x))),
    "int_of_scaled": ("int", "py_int(x * 1e17)", lambda x: int64(int(x * 1e17))),
    "int_mod": ("int", "py_mod(py_int(x), 3)", lambda x: int64(int(x)) % 3),
    "int_mod_by": ("int", "py_mod(-7, py_int(x))", lambda x: -7 % int64(int(x))),
    "int_floordiv": ("int", "py_floordiv(py_int(x), -2)", lambda x: int64(int(x)) // -2),
    "int_floordiv_by": ("int", "py_floordiv(-7, py_int(x))", lambda x: -7 // int64(int(x))),
    "int_floordiv_min": ("int", "py_floordiv(-9223372036854775807 - 1, py_int(x))",
                         lambda x: int64(-2**63 // int64(int(x)))),
    "math_sqrt": ("real", "py_math(sqrt(x), x)", lambda x: math.sqrt(x)),
    "math_log": ("real", "py_math(log(x), x)", lambda x: math.log(x)),
    "math_log1p": ("real", "py_math(log1p(x), x)", lambda x: math.log1p(x)),
    "math_sin": ("real", "py_math(sin(x), x)", lambda x: math.sin(x)),
    "math_acos": ("real", "py_math(acos(x), x)", lambda x: math.acos(x)),
    "math_atanh": ("real", "py_math(atanh(x), x)", lambda x: math.atanh(x)),
    "math_exp": ("real", "py_math_overflow(exp(x), x)", lambda x: math.exp(x)),
    "math_cosh": ("real", "py_math_overflow(cosh(x), x)", lambda x: math.cosh(x)),
    "round_2": ("real", "py_round(x * 1.2345, 2)", lambda x: round(x * 1.2345, 2)),
    "round_0": ("real", "py_round(x / 3, 0)", lambda x: round(x / 3, 0)),
    "round_tie": ("real", "py_round(x / 10, 1)", lambda x: round(x / 10, 1)),
    "round_minus_1": ("real", "py_round(x * 13.7, -1)", lambda x: round(x * 13.7, -1)),
    "round_17": ("real", "py_round(x / 3, 17)", lambda x: round(x / 3, 17)),
    "round_past_max": ("real", "py_round(x * 1.7976931348623157e108, -308)",
                       lambda x: round(x * 1.7976931348623157e108, -308)),
    "round_far": ("real", "py_round(x, -400) + py_round(x, 400)", lambda x: round(x, -400) + round(x, 400)),
    "math_pow_half": ("real", "py_math_pow(x, 0.5)", lambda x: math.pow(x, 0.5)),
    "math_pow_inverse": ("real", "py_math_pow(x, -1.0)", lambda x: math.pow(x, -1.0)),
    "math_pow_base": ("real", "py_math_pow(-2.0, x)", lambda x: math.pow(-2.0, x)),
    "math_pow_big": ("real", "py_math_pow(x, 400.0)", lambda x: math.pow(x, 400.0)),
    "float_of_str": ("real", "py_float(str(x))", lambda x: float(str(x))),
    "float_of_text": ("real", "py_float(\" -1_0.2_5e-1_0 \") + x", lambda x: float(" -1_0.2_5e-1_0 ") + x),
    "int_of_str": ("int", "py_int(str(py_int(x)))", lambda x: int64(int(str(int64(int(x)))))),
    "int_of_float_str": ("int", "py_int(str(x))", lambda x: int(str(x))),
    "raise_type": ("real", "real(py_raise(\"TypeError\")) if x < 0 else x", lambda x: throw(TypeError) if x < 0 else x),
    "raise_unknown": ("int", "py_raise(\"NoSuchError\") + 1", lambda x: throw(ValueError)),
}


def frame(fn):
    """FIND's __main__: x = float(arg); None where function(x) raises."""
    out = ""
    for arg in INPUTS:
        x = float(arg)
        try:
            value = fn(x)
        except Exception:
            value = "None"
        out += f"({arg}, {value}) "
    return f"Function input - output pairs: {out}\n"


def main(out_dir):
    with open(os.path.join(out_dir, "python.fnd"), "w") as f:
        for name, (result, expr, _) in CASES.items():
            f.write(f"def {name}(x: real) -> {result} = {expr}\n")
    with open(os.path.join(out_dir, "names"), "w") as f:
        f.write(" ".join(CASES) + "\n")
    with open(os.path.join(out_dir, "inputs"), "w") as f:
        f.write(" ".join(INPUTS) + "\n")
    for name, (_, _, fn) in CASES.items():
        with open(os.path.join(out_dir, name + ".expected"), "w") as f:
            f.write(frame(fn))


if __name__ == "__main__":
    main(sys.argv[1])
