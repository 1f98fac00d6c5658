#!/usr/bin/env python3
"""Differential test of findc's Python parser against CPython's.

usage: check_parse.py FINDC CORPUS_DIR

For every CORPUS_DIR/*.py, `FINDC emit FILE --stage py-ast` must print
exactly the line ast_dump.py prints for CPython's tree of the same file.
"""
import os
import pathlib
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ast_dump  # noqa: E402


def first_difference(expected, actual):
    """Where two one-line dumps part, with some context."""
    i = next((k for k, (a, b) in enumerate(zip(expected, actual)) if a != b), min(len(expected), len(actual)))
    start = max(0, i - 60)
    return f"  CPython: ...{expected[start:i + 60]}\n  findc:   ...{actual[start:i + 60]}"


def main(findc, corpus):
    files = sorted(pathlib.Path(corpus).glob("*.py"))
    if not files:
        print(f"no .py files in {corpus}")
        return 1
    failures = 0
    for path in files:
        expected = ast_dump.dump_source(path.read_bytes()) + "\n"
        run = subprocess.run([findc, "emit", str(path), "--stage", "py-ast"], capture_output=True, text=True)
        if run.returncode != 0 or run.stdout != expected:
            failures += 1
            print(f"FAIL {path.name} (exit {run.returncode})")
            if run.stderr:
                print(run.stderr.rstrip())
            if run.returncode == 0:
                print(first_difference(expected, run.stdout))
    print(f"{len(files) - failures} of {len(files)} files parse as CPython parses them")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
