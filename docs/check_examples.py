#!/usr/bin/env python3
"""Checks that the examples in docs/language.md are real.

Every ```fnd block must pass `findc check` (except the syntax templates, which
contain `NAME(`), and every `$ findc ...` command in a ```console block is run
in docs/examples/ and must print exactly the lines shown after it (stdout and
stderr together).

usage: docs/check_examples.py [PATH/TO/findc]   (default: build/tools/findc/findc)
Commands with `--math vector` are skipped unless FINDC_DOCS_STRICT_VECTOR=1.
"""
import os
import re
import subprocess
import sys
import tempfile

docs = os.path.dirname(os.path.abspath(__file__))
findc = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(docs, "..", "build", "tools", "findc", "findc"))
bindir = tempfile.mkdtemp()
os.symlink(findc, os.path.join(bindir, "findc"))
env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"])

text = open(os.path.join(docs, "language.md"), encoding="utf-8").read()
blocks = re.findall(r"^( *(?:> )?)```(\w*)\n(.*?)^\1```", text, re.S | re.M)
failures = checked = skipped = 0
strict_vector = os.environ.get("FINDC_DOCS_STRICT_VECTOR") == "1"
for prefix, lang, body in blocks:
    if prefix:
        body = "\n".join(line[len(prefix):] if line.startswith(prefix) else line.lstrip("> ") for line in body.split("\n"))
    if lang == "fnd" and "NAME(" not in body:
        checked += 1
        with tempfile.NamedTemporaryFile("w", suffix=".fnd", dir=bindir, delete=False) as f:
            f.write(body)
        result = subprocess.run(["findc", "check", f.name], capture_output=True, text=True, env=env)
        if result.returncode != 0:
            failures += 1
            print(f"FAIL: fnd block does not check:\n{body}{result.stderr}")
    elif lang == "console":
        commands = []
        for line in body.rstrip("\n").split("\n"):
            if line.startswith("$ "):
                commands.append((line[2:], []))
            elif commands:
                commands[-1][1].append(line)
        for command, expected in commands:
            # Vector-math bits depend on the host's vector width (which loop
            # iterations run as SIMD); those outputs are illustrations.
            if "--math vector" in command and not strict_vector:
                skipped += 1
                continue
            checked += 1
            result = subprocess.run(command, shell=True, capture_output=True, text=True, env=env,
                                    cwd=os.path.join(docs, "examples"))
            output = result.stdout + result.stderr
            got = output.rstrip("\n").split("\n") if output else []
            if got != expected:
                failures += 1
                print(f"FAIL: $ {command}\n  expected: {expected}\n  got:      {got}")
print(f"{checked - failures} passed, {failures} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failures else 0)
