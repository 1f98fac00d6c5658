#!/usr/bin/env python3
"""Hashes what findc prints for the bundled examples, one line per command.

    hash_outputs.py FINDC EXAMPLES_DIR > outputs.sha256

Each line is `sha256 bytes exit-status command`. The committed
tests/golden/outputs.sha256 was written by the findc of the commit that
introduced it; the lit test examples/golden-outputs.test runs this script
again and diffs, so any change to findc's observable output (numbers, text,
JSON, diagnostics' exit codes) on the examples shows up as a changed line.
Exact math only: vector mode's values depend on the host's vector width
(libmvec's 2-, 4- or 8-lane variants differ by a few ulp, and which points
take the scalar tail depends on it), so they are checked against ulp bounds
(tests/unit, tests/lit/llvm/vector-math*.fnd), not pinned here.
To see what changed, run the command on that line with an older build and
with this one, and diff the outputs.
"""
import hashlib
import os
import re
import subprocess
import sys

STRING_INPUTS = ["", "a", "Hello World", "abc123def45", "café", "straße", "MiXeD CaSe",
                 "  padded  ", "racecar", "The quick brown fox jumps over the lazy dog", "x1y2z3",
                 "İ", "ΣΑΣ", "日本語"]


def names(path, kind):
    pattern = re.compile(r"^%s ([A-Za-z_][A-Za-z_0-9]*)\((.*)" % kind)
    with open(path, encoding="utf-8") as f:
        return [(m.group(1), m.group(2)) for m in map(pattern.match, f) if m]


def commands(examples):
    files = sorted(f for f in os.listdir(examples) if f.endswith(".fnd"))
    for name in files:
        path = os.path.join("%examples", name)
        yield ["check", path]
        yield ["list", path]
        yield ["list", path, "--json"]
        defs = [fn for fn, _ in names(os.path.join(examples, name), "def")]
        for fn in defs:
            yield ["eval", path, "--fn", fn, "--find-grid"]
            yield ["eval", path, "--fn", fn, "--find-grid", "--json", "--engine", "interp"]
            yield ["call", path, "--fn", fn, "-2", "0", "0.5", "1e300"]
            yield ["emit", path, "--fn", fn, "--ir"]
        benches = names(os.path.join(examples, name), "bench")
        strings = [fn for fn, rest in benches if re.match(r"[A-Za-z_0-9]*: *str", rest)]
        numeric = [fn for fn, rest in benches if fn not in strings]
        if strings:
            fns = [a for fn in strings for a in ("--fn", fn)]
            yield ["eval", path, *fns, "--json", "--", *STRING_INPUTS]
            for fn in strings[:40]:
                yield ["call", path, "--fn", fn, "--", *STRING_INPUTS]
        if numeric:
            # Without --seed each run draws fresh noise: every served run names one.
            fns = [a for fn in numeric for a in ("--fn", fn)]
            yield ["eval", path, *fns, "--find-grid", "--json", "--seed", "1"]
            yield ["eval", path, *fns, "--find-grid", "--json", "--clean"]
            yield ["eval", path, *fns, "--grid", "-1000:1000:9", "--json", "--seed", "0", "--first-query", "5"]
            for fn in numeric[:60]:
                yield ["call", path, "--fn", fn, "--seed", "0", "-4", "0", "2.5", "100"]
                yield ["eval", path, "--fn", fn, "--seed", "0", "--find-grid"]


def describe(command):
    """The command as a line, with long --fn lists and inputs abbreviated."""
    fns = command.count("--fn")
    if fns <= 3:
        return " ".join(command)
    rest = [a for i, a in enumerate(command) if a != "--fn" and (i == 0 or command[i - 1] != "--fn")]
    head, tail = rest[:2], rest[2:]
    inputs = "-- <%d strings>" % len(STRING_INPUTS) if "--" in tail else ""
    tail = tail[:tail.index("--")] if "--" in tail else tail
    return " ".join(head + ["--fn <%d functions>" % fns] + tail + ([inputs] if inputs else []))


def main():
    findc, examples = sys.argv[1], sys.argv[2]
    env = dict(os.environ, LC_ALL="C")
    for command in commands(examples):
        argv = [findc] + [a.replace("%examples", examples) for a in command]
        run = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        digest = hashlib.sha256(run.stdout + b"\0" + run.stderr).hexdigest()
        print(digest, len(run.stdout), run.returncode, describe(command))


if __name__ == "__main__":
    main()
