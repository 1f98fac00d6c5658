#!/usr/bin/env python3
"""Prints, for each function of a Python file, the line FIND's frame prints.

    frame_lines.py FILE.py INPUT...

FIND's frame: `x = float(arg)`, the function called, None where it raises.
Writes the functions' names, in order, to ./expected.names (the lit test
calls findc with each).
"""
import importlib.util
import inspect
import sys


def main(path, inputs):
    spec = importlib.util.spec_from_file_location("hypotheses", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    names = [name for name, fn in inspect.getmembers(module, inspect.isfunction) if fn.__module__ == "hypotheses"]
    names.sort(key=lambda name: getattr(module, name).__code__.co_firstlineno)
    with open("expected.names", "w") as f:
        f.write(" ".join(names) + "\n")
    for name in names:
        out = ""
        for arg in inputs:
            try:
                value = getattr(module, name)(float(arg))
            except Exception:
                value = "None"
            out += f"({arg}, {value}) "
        print(f"Function input - output pairs: {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
