#!/usr/bin/env python3
"""Prints StringsTest.cpp's slice table: s[a:b:c] in CPython.

    python3 tests/strings/make_slice_table.py

The output replaces the block from `constexpr std::string_view kSliceS[]`
to the end of `kSlice[]` in tests/unit/StringsTest.cpp. kSlice lists
str(s[a:b:c]), or "!" and the exception's name, for s in kSliceS, a and b in
kBounds, c in kSteps, in that loop order. Every bound is an int: the runtime
op str.slice takes no None (the compiler replaces an omitted bound; the lit
test cli/slices.test covers those).
"""
import sys

INT64_MIN, INT64_MAX = -2**63, 2**63 - 1
STRINGS = ["", "abcdef", "hél😀wö"]
BOUNDS = [INT64_MIN, INT64_MIN + 1, -2**62, -100, -4, -1, 0, 1, 3, 100, 2**62, INT64_MAX]
STEPS = [INT64_MIN, INT64_MIN + 1, -2**62, -100, -2, -1, 0, 1, 2, 3, 2**62, INT64_MAX]
WIDTH = 120


def cpp_int(v):
    return {INT64_MIN: "INT64_MIN", INT64_MIN + 1: "INT64_MIN + 1", INT64_MAX: "INT64_MAX"}.get(v, str(v))


def cpp_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"sv'


def wrapped(items):
    """The items, comma-terminated, filled into lines of at most WIDTH columns."""
    lines, line = [], "   "
    for item in items:
        if len(line) + 1 + len(item) + 1 > WIDTH:
            lines.append(line)
            line = "   "
        line += " " + item + ","
    lines.append(line)
    return "\n".join(lines)


def outcome(s, a, b, c):
    try:
        return str(s[a:b:c])
    except Exception as e:  # the exception's name, as the test's run() reports it
        return "!" + type(e).__name__


def main():
    out = sys.stdout
    out.write("constexpr std::string_view kSliceS[] = {\n%s\n};\n" % wrapped(map(cpp_str, STRINGS)))
    out.write("constexpr int64_t kBounds[] = {\n%s\n};\n" % wrapped(map(cpp_int, BOUNDS)))
    out.write("constexpr int64_t kSteps[] = {\n%s\n};\n" % wrapped(map(cpp_int, STEPS)))
    results = [outcome(s, a, b, c) for s in STRINGS for a in BOUNDS for b in BOUNDS for c in STEPS]
    out.write("constexpr std::string_view kSlice[] = {\n%s\n};\n" % wrapped(map(cpp_str, results)))


if __name__ == "__main__":
    main()
