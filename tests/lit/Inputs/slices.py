#!/usr/bin/env python3
"""Writes a findc file of string slices and what CPython gives for them.

    slices.py OUT_DIR

OUT_DIR/slices.fnd has one function per form of slice (`s[a:b:c]`,
`s[:b:c]`, ..., `s[:]`, and a list of slices with literal bounds); each
takes a string and returns the list of its slices over every combination of
BOUNDS and STEPS for the bounds it writes (an omitted bound is Python's
None). OUT_DIR/NAME.expected holds, for each string of INPUTS, the line
`findc eval slices.fnd --fn NAME INPUTS...` must print: Python's repr of the
list, or None where Python raises.
"""
import os
import sys

INT64_MIN, INT64_MAX = -2**63, 2**63 - 1
# Every int64 is a bound: the extremes, their neighbours, huge magnitudes,
# and values around the lengths of INPUTS.
BOUNDS = [INT64_MIN, INT64_MIN + 1, -2**62, -100, -8, -7, -6, -5, -1, 0, 1, 2, 5, 6, 7, 100, 2**62,
          INT64_MAX - 1, INT64_MAX]
STEPS = [INT64_MIN, INT64_MIN + 1, -2**62, -100, -7, -6, -5, -2, -1, 1, 2, 5, 6, 7, 100, 2**62, INT64_MAX]
INPUTS = ["", "abcdef", "abcdefg", "hél😀wö"]

# name -> the slice, over loop variables a (start), b (stop), c (step).
LOOPED = {
    "start_stop_step": "s[a:b:c]",
    "stop_step": "s[:b:c]",
    "start_step": "s[a::c]",
    "step": "s[::c]",
    "start_stop": "s[a:b]",
    "stop": "s[:b]",
    "start": "s[a:]",
}
# name -> slices written with literal bounds (folded by the compiler).
LITERAL = {
    "whole": ["s[:]", "s[::]"],
    "literal": ["s[::-1]", "s[:3:-1]", "s[2::-2]", "s[-9223372036854775807 - 1:]",
                "s[:-9223372036854775807 - 1]", "s[::-9223372036854775807 - 1]",
                "s[9223372036854775807::-1]", "s[:-9223372036854775807 - 1:-1]",
                "s[::9223372036854775807]", "s[-9223372036854775807 - 1::-9223372036854775807 - 1]"],
    "zero_step": ["s[::0]"],
}


def fnd_int(v):
    return "-9223372036854775807 - 1" if v == INT64_MIN else str(v)


def fnd_list(values):
    return "[" + ", ".join(fnd_int(v) for v in values) + "]"


def looped_function(name, expr):
    ranges = [(v, "bounds()" if v in "ab" else "steps()") for v in "abc" if v in expr]
    lines = ["def %s(s: str) -> list[str] {" % name, "  var out: list[str] = []"]
    for depth, (var, source) in enumerate(ranges):
        lines.append("  " * (depth + 1) + "for %s in %s {" % (var, source))
    lines.append("  " * (len(ranges) + 1) + "out = append(out, %s)" % expr)
    for depth in reversed(range(len(ranges))):
        lines.append("  " * (depth + 1) + "}")
    lines += ["  return out", "}"]
    return "\n".join(lines), ranges


def looped_value(s, expr, ranges):
    out = []

    def loop(env, rest):
        if not rest:
            out.append(eval(expr, {}, dict(env, s=s)))
            return
        var, source = rest[0]
        for v in BOUNDS if source == "bounds()" else STEPS:
            loop(dict(env, **{var: v}), rest[1:])

    loop({}, ranges)
    return out


def main():
    out_dir = sys.argv[1]
    functions = ["def bounds() -> list[int] = " + fnd_list(BOUNDS),
                 "def steps() -> list[int] = " + fnd_list(STEPS)]
    expected = {}
    for name, expr in LOOPED.items():
        source, ranges = looped_function(name, expr)
        functions.append(source)
        expected[name] = lambda s, expr=expr, ranges=ranges: looped_value(s, expr, ranges)
    for name, exprs in LITERAL.items():
        functions.append("def %s(s: str) -> list[str] = [%s]" % (name, ", ".join(exprs)))
        expected[name] = lambda s, exprs=exprs: [eval(e, {}, {"s": s}) for e in exprs]
    with open(os.path.join(out_dir, "slices.fnd"), "w", encoding="utf-8") as f:
        f.write("\n".join(functions) + "\n")
    for name, value in expected.items():
        lines = []
        for s in INPUTS:
            try:
                lines.append(repr(value(s)))
            except ValueError:
                lines.append("None")
        with open(os.path.join(out_dir, name + ".expected"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
