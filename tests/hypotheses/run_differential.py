#!/usr/bin/env python3
"""Differential test of findc's Python front end on random programs.

usage: run_differential.py FINDC [--seeds A:B] [--jobs N] [--out DIR] ...

generate.py writes a program for each seed of the range (even seeds: a
function of a float, odd seeds: a function of a str). All of them run in
one CPython process (each in a fresh namespace, with NumPy's SIMD loops off
as in check_hypotheses.py, under a time limit per program) and in findc's
two engines, several programs to a file (one `findc eval` per engine and
batch of programs; a batch findc cannot compile is split in halves until
the program that fails is found). Values and error kinds are compared with
check_hypotheses.py's rules, and for numeric programs whose values all
match, `findc call`'s line with FIND's frame's. The documented differences
are not failures: where CPython's int goes past int64 in the call (findc's
ints are 64-bit), findc's OverflowError if a conversion of a float made it
first (int(x), round, math.floor), and any value if arithmetic did (findc's
+ - * wrap around), are counted apart, as check_hypotheses.py counts a
`# findc: int64` file; so is findc's BudgetExceeded where CPython's loops
(comprehensions included) ran at least 1,000,000 iterations in the call.

A failure (a value or error kind unlike CPython's, a crash, a compile error
on a valid program) is written to OUT/<kind>-<seed>/: the program, its
inputs, CPython's and findc's results, and the program reduced by deleting
statements and simplifying expressions while the failure persists
(reduced.py, with the outputs in reduced.txt). Exits 1 on any failure.

  run_differential.py build/findc --seeds 0:300             # the ctest
  run_differential.py build/findc --seeds 0:100000 --jobs 2 --out /tmp/diff
  run_differential.py build/findc --reduce FILE.py --kind strings
"""
import argparse
import ast
import concurrent.futures
import contextlib
import io
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_hypotheses as ch  # noqa: E402  (its comparison rules, encode and decode)
import generate as gen  # noqa: E402

# check_hypotheses.py's inputs and a few more (numeric: non-finite ones and int64's edges for int(x))
NUMERIC_INPUTS = list(dict.fromkeys(ch.NUMERIC_INPUTS + ["-0.5", "1.5", "-2.5", "7", "0.1", "1e-5", "1e20", "-1e20",
                                                         "100", "9.2e18", "-9.3e18", "nan", "inf", "-inf"]))
STRING_INPUTS = list(dict.fromkeys(ch.STRING_INPUTS + [" ", "a b c", "aeiou", "Z", "HELLO", "123 456", "x,y,,z",
                                                       "é"]))
INPUTS = {"numeric": NUMERIC_INPUTS, "strings": STRING_INPUTS}
ENTRY = "batch_entry"
OK_VERDICTS = ("exact", "ulp", "int as float", "big int", "budget")
BUDGET = 1_000_000  # loop iterations of one evaluation in findc (docs/python-frontend.md, Bounds)


# ------------------------------------------------------------------ CPython

class Timeout(BaseException):
    pass


CONVERSIONS = {"int", "round", "floor", "ceil", "trunc"}  # of a float: findc's OverflowError past int64


def instrument(tree):
    """Wraps every operation and call in __chk, which notes the first int past int64 (findc's ints are
    64-bit) and whether a conversion of a float made it (int(x), round, math.floor/ceil/trunc: findc raises
    OverflowError there, documented) or arithmetic (+ - * wrap around in findc, documented)."""
    def chk(node, conversion=False):
        args = [node, ast.Constant(conversion)]
        return ast.copy_location(ast.Call(func=ast.Name("__chk", ast.Load()), args=args, keywords=[]), node)

    class Wrap(ast.NodeTransformer):
        def visit_BinOp(self, node):
            self.generic_visit(node)
            return chk(node)

        def visit_UnaryOp(self, node):
            self.generic_visit(node)
            return chk(node)

        def visit_Call(self, node):
            self.generic_visit(node)
            name = node.func.id if isinstance(node.func, ast.Name) else \
                node.func.attr if isinstance(node.func, ast.Attribute) else None
            return chk(node, name in CONVERSIONS)

        def visit_For(self, node):  # each iteration counted (findc's budget: docs/python-frontend.md)
            self.generic_visit(node)
            node.iter = ast.copy_location(ast.Call(ast.Name("__loop", ast.Load()), [node.iter], []), node.iter)
            return node

        def visit_comprehension(self, node):
            self.generic_visit(node)
            node.iter = ast.copy_location(ast.Call(ast.Name("__loop", ast.Load()), [node.iter], []), node.iter)
            return node

        def visit_While(self, node):
            self.generic_visit(node)
            tick = ast.copy_location(ast.Call(ast.Name("__tick", ast.Load()), [], []), node.test)
            node.test = ast.copy_location(ast.BoolOp(ast.And(), [tick, node.test]), node.test)
            return node

        def visit_AugAssign(self, node):
            self.generic_visit(node)
            if not isinstance(node.target, ast.Name):
                return node
            value = ast.BinOp(left=ast.Name(node.target.id, ast.Load()), op=node.op, right=node.value)
            return ast.copy_location(ast.Assign(targets=[ast.Name(node.target.id, ast.Store())],
                                                value=chk(ast.copy_location(value, node))), node)
    return ast.fix_missing_locations(Wrap().visit(tree))


def python_worker():
    """(internal) Reads programs as JSON lines, writes CPython's results as JSON lines."""
    import warnings
    import numpy  # noqa: F401  (imported once, with the environment's NumPy settings)
    import scipy.special  # noqa: F401
    warnings.simplefilter("ignore")
    state = {"big": None, "iterations": 0}

    def loop(iterable):
        for item in iterable:
            state["iterations"] += 1
            yield item

    def tick():
        state["iterations"] += 1
        return True

    def check(value, conversion=False):
        if state["big"] is None and type(value) is int and not -2**63 <= value < 2**63:
            state["big"] = "conversion" if conversion else "arithmetic"
        return value

    def alarm(signum, frame):
        raise Timeout()
    signal.signal(signal.SIGALRM, alarm)
    out = sys.stdout
    for line in sys.stdin:
        request = json.loads(line)
        reply = {"id": request.get("id")}
        numeric = request["kind"] == "numeric"
        signal.setitimer(signal.ITIMER_REAL, request.get("timeout", 2.0))
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                try:
                    tree = instrument(ast.parse(request["text"]))
                    namespace = {"__name__": "hypothesis", "__chk": check, "__loop": loop, "__tick": tick}
                    exec(compile(tree, "<hypothesis>", "exec"), namespace)
                    function = namespace[request.get("fn") or ch.entry_name(request["text"])]
                except Timeout:
                    raise
                except BaseException as e:
                    reply.update(status="load error", error=f"{type(e).__name__}: {e}")
                    function = None
                if function is not None:
                    results, big, iterations = [], [], []
                    for x in request["inputs"]:
                        state["big"] = None
                        state["iterations"] = 0
                        try:
                            results.append(ch.encode(function(float(x) if numeric else x)))
                        except (Timeout, KeyboardInterrupt):
                            raise
                        except BaseException as e:  # MemoryError and RecursionError too
                            results.append({"t": "error", "v": type(e).__name__})
                        big.append(state["big"])
                        iterations.append(state["iterations"])
                    reply.update(status="ok", results=results, big=big, iterations=iterations)
        except Timeout:
            reply = {"id": request.get("id"), "status": "timeout"}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        out.write(json.dumps(reply) + "\n")
        out.flush()


class PythonWorker:
    """One CPython process that runs programs on request (restarted if it dies or hangs)."""

    def __init__(self, timeout=2.0):
        self.timeout = timeout
        self.process = None

    def start(self):
        env = dict(os.environ, NPY_DISABLE_CPU_FEATURES=ch.NUMPY_SIMD, PYTHONHASHSEED="0")
        self.process = subprocess.Popen([sys.executable, __file__, "--python-worker"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)

    def run(self, text, kind, inputs, fn=None):
        """{"status": "ok", "results": [(kind, value)], "big": [None, "conversion" or "arithmetic"]} or a
        status of failure ("load error", "timeout", "crash")."""
        if self.process is None or self.process.poll() is not None:
            self.start()
        request = {"text": text, "kind": kind, "inputs": inputs, "timeout": self.timeout, "fn": fn}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        reply = {}
        done = threading.Event()

        def read():
            line = self.process.stdout.readline()
            if line:
                reply.update(json.loads(line))
            done.set()
        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        if not done.wait(self.timeout + 10):  # stuck in C (a huge int): kill and restart
            self.close()
            reader.join()
            return {"status": "timeout"}
        if not reply:
            self.close()
            return {"status": "crash"}
        if reply["status"] == "ok":
            reply["results"] = [ch.decode(r) for r in reply["results"]]
        return reply

    def close(self):
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


# -------------------------------------------------------------------- findc

def run_findc(findc, args, timeout=60):
    try:
        run = subprocess.run([findc, *args], capture_output=True, text=True, timeout=timeout)
        return run.returncode, run.stdout, run.stderr
    except subprocess.TimeoutExpired:
        return "timeout", "", "findc timed out"


def failure_text(rc, err):
    if rc == "timeout":
        return "findc timed out"
    if isinstance(rc, int) and rc < 0:
        return f"findc crashed ({signal.Signals(-rc).name})"
    lines = [l for l in err.splitlines() if ": error: " in l or l.startswith("findc: error")]
    return lines[0] if lines else (err.strip().splitlines() or [f"exit {rc}"])[0]


def typed(value, result):
    """check_hypotheses.typed, and a complex value's non-finite part (null) kept as null."""
    if isinstance(value, dict) and "re" in value:
        return {k: None if v is None else float(v) for k, v in value.items()}
    return ch.typed(value, result)


def nonfinite(python):
    """Whether CPython's results hold a nan or an infinity (JSON's null in findc's, told apart by call's line)."""
    for kind, value in python.get("results", []):
        if kind == "value" and isinstance(value, (float, complex)) and not math.isfinite(abs(value)):
            return True
    return False


def evaluate(findc, path, kind, engines, fns, inputs, call_lines, nonfinite_values=True):
    """findc's results for the functions fns of path (fns[0] first: it roots the compilation).

    For numeric programs, `findc call`'s lines too (call_lines): of the interpreter always (the printed
    values), of another engine where CPython has a nan or an infinity (JSON's null for each):

    {"ok": True, "types": {fn: type}, engine: {fn: (outputs, errors)}, ("line", engine): {fn: line}}
    or {"ok": False, "failure": text}."""
    mode = "real" if kind == "numeric" else "str"
    rc, out, err = run_findc(findc, ["list", str(path), "--json", "--input", mode])
    if rc != 0:
        return {"ok": False, "failure": failure_text(rc, err)}
    try:
        types = {f["name"]: f["result"] for f in json.loads(out)["functions"]}
    except (ValueError, KeyError):
        return {"ok": False, "failure": "findc list printed no JSON"}
    result = {"ok": True, "types": types}
    fn_args = [a for fn in fns for a in ("--fn", fn)]
    for engine in engines:
        rc, out, err = run_findc(findc, ["eval", str(path), "--json", "--engine", engine, "--input", mode,
                                         *fn_args, "--", *inputs])
        if rc != 0:
            return {"ok": False, "failure": f"({engine}) " + failure_text(rc, err)}
        records = {}
        try:
            for line in out.splitlines():
                record = json.loads(line, parse_int=str, parse_float=str)
                errors = record.get("errors") or [None] * len(inputs)
                records[record["fn"]] = ([typed(v, types.get(record["fn"], "real")) for v in record["outputs"]],
                                         errors)
        except (ValueError, KeyError) as e:
            return {"ok": False, "failure": f"({engine}) findc eval printed no JSON: {e}"}
        if set(records) != set(fns):
            return {"ok": False, "failure": f"({engine}) findc eval printed {sorted(records)}, not {fns}"}
        result[engine] = records
        if call_lines and kind == "numeric" and (engine == "interp" or nonfinite_values):
            rc, out, err = run_findc(findc, ["call", str(path), "--engine", engine, "--input", mode, *fn_args,
                                             "--", *inputs])
            if rc != 0:
                return {"ok": False, "failure": f"({engine}, call) " + failure_text(rc, err)}
            # one line per function (a str value may hold a line break: split where a line begins)
            lines = re.split(r"(?<=\n)(?=Function input - output pairs: )", out)
            if len(lines) != len(fns):
                return {"ok": False, "failure": f"({engine}) findc call printed {len(lines)} lines for {len(fns)}"}
            result[("line", engine)] = dict(zip(fns, lines))
    return result


# --------------------------------------------------------------- comparison

def compare_program(python, findc_result, fn, kind, inputs, engines, text):
    """(counts, mismatches) of one program: mismatches are (engine, input, reason, signature)."""
    counts = {}
    mismatches = []
    tolerant = "scipy" in text
    for engine in engines:
        outputs, errors = findc_result[engine][fn]
        all_exact = True
        for x, p, big, n, f, e in zip(inputs, python["results"], python["big"], python["iterations"], outputs,
                                      errors):
            verdict = ch.compare(p, f, e, tolerant)
            if e == "BudgetExceeded" and n >= BUDGET:
                verdict = "budget"  # findc's bound on loop iterations (documented)
            if tolerant and verdict not in OK_VERDICTS and close(p, f, e):
                verdict = "ulp"  # SciPy's erf a few ulp from glibc's, carried through the computation
            # CPython's int past int64 in the call: findc's ints are 64-bit (documented): where a conversion
            # of a float made it first, findc raises OverflowError; where arithmetic did, findc's int wraps
            if big == "arithmetic" or big == "conversion" and e == "OverflowError":
                verdict = "big int"
            if verdict in OK_VERDICTS:
                counts[verdict] = counts.get(verdict, 0) + 1
                all_exact &= verdict == "exact"
            else:
                counts["differ"] = counts.get("differ", 0) + 1
                mismatches.append((engine, x, verdict, value_signature(p, f, e)))
        line_key = ("line", engine)
        if kind == "numeric" and all_exact and line_key in findc_result:
            counts["lines"] = counts.get("lines", 0) + 1
            line = findc_result[line_key][fn]
            frame = ch.frame_line(python["results"], inputs)
            if line != frame:
                counts["differ"] = counts.get("differ", 0) + 1
                mismatches.append((engine, None, f"findc call prints {line!r}, FIND's frame {frame!r}", "call line"))
    if len(engines) > 1:  # a difference of one engine only
        where = {}
        for m in mismatches:
            where.setdefault((m[1], m[3]), set()).add(m[0])
        mismatches = [m if len(where[(m[1], m[3])]) > 1 else (m[0], m[1], m[2], f"{m[3]} ({m[0]} only)")
                      for m in mismatches]
    return counts, mismatches


def results_record(text, kind, inputs, info, signature, details):
    """The failure as JSON: the inputs, CPython's results and each engine's (outputs and error kinds)."""
    python = info["python"]
    record = {"signature": signature, "kind": kind, "inputs": inputs, "details": details,
              "python": {"status": python["status"]}}
    if python["status"] == "ok":
        record["python"].update(results=[ch.encode(v) if k == "value" else {"t": "error", "v": v}
                                         for k, v in python["results"]],
                                int_past_int64=python["big"], iterations=python["iterations"])
    result = info.get("findc")
    if result is not None:
        if not result["ok"]:
            record["findc"] = {"failure": result["failure"]}
        else:
            fn = ch.entry_name(text)
            record["findc"] = {engine: {"outputs": result[engine][fn][0], "errors": result[engine][fn][1]}
                               for engine in result if isinstance(engine, str) and engine not in ("ok", "types")}
    return record


def close(python, findc_value, findc_error):
    """Two floats (or complex numbers) within 1e-9 of each other, relatively."""
    kind, value = python
    if kind != "value" or findc_error or not isinstance(value, (float, complex)):
        return False
    f = complex(findc_value["re"] or 0, findc_value["im"] or 0) if isinstance(findc_value, dict) else findc_value
    if not isinstance(f, (int, float, complex)) or isinstance(f, bool):
        return False
    return math.isfinite(abs(value)) and math.isfinite(abs(f)) and abs(value - f) <= 1e-9 * max(abs(value), abs(f))


def value_signature(python, findc_value, findc_error):
    """How a value differs, to tell failures apart: the kinds, and for two floats how far."""
    kind, value = python
    p = f"error {value}" if kind == "error" else type(value).__name__
    f = f"error {findc_error}" if findc_error else type(findc_value).__name__
    how = ""
    if kind == "value" and type(value) is float and not findc_error:
        if findc_value is None:
            f, how = "float", " (findc not finite)" if math.isfinite(value) else " (another nan or infinity)"
        elif isinstance(findc_value, float):
            how = (" (the sign of zero)" if value == findc_value == 0 else
                   " (not finite)" if not math.isfinite(value) else
                   " (within 1e-9)" if close(python, findc_value, None) else " (far)")
    return f"value: Python {p}, findc {f}{how}"


def compile_signature(failure):
    """A compile failure without its location and names, to tell failures apart."""
    text = re.sub(r"^.*?: error: ", "", failure.split("\n")[0])
    text = re.sub(r"^\((jit|interp)(, call)?\) ", "", text)
    text = re.sub(r"^.*?: error: ", "", text)
    text = re.sub(r"'[^']*'", "'_'", text)
    text = re.sub(r"%\d+", "%_", text)
    text = re.sub(r"@[A-Za-z_0-9]+", "@_", text)
    return "findc: " + text


# ---------------------------------------------------------------- batching

def batch_text(programs, kind):
    """One file of several tagged programs and an entry that calls each (so all are compiled)."""
    imports, bodies = [], []
    for p in programs:
        for line in p["tagged"].splitlines():
            if line.startswith(("import ", "from ")) and line not in imports:
                imports.append(line)
        bodies.append("\n".join(l for l in p["tagged"].splitlines() if not l.startswith(("import ", "from "))))
    param = "x" if kind == "numeric" else "s"
    entry = [f"def {ENTRY}({param}, k=0):", "    if k == 1:"]
    entry += [f"        r{i} = {p['fn']}({param})" for i, p in enumerate(programs)]
    entry += ["    return 0"]
    return "\n".join(sorted(imports)) + "\n\n" + "\n\n".join(bodies) + "\n\n" + "\n".join(entry) + "\n"


class Runner:
    def __init__(self, args):
        self.args = args
        self.findc = args.findc
        self.engines = args.engines.split(",")
        self.exclude = gen.KNOWN_BUGS if args.exclude is None else (
            set() if args.exclude == "none" else set(args.exclude.split(",")))
        if args.include:
            self.exclude = set(self.exclude) - set(args.include.split(","))
        self.out = Path(args.out) if args.out else None
        self.tmp = Path(tempfile.mkdtemp(prefix="findc-diff-"))
        self.local = threading.local()
        self.workers = []
        self.lock = threading.Lock()
        self.counts = {}
        self.failures = []  # dicts
        self.signatures = {}  # signature -> count
        self.reduced_signatures = {}  # signature -> reductions done
        self.reduce_deadline = time.time() + args.reduce_total

    def worker(self):
        if not hasattr(self.local, "worker"):
            self.local.worker = PythonWorker(self.args.time_limit)
            with self.lock:
                self.workers.append(self.local.worker)
        return self.local.worker

    def add(self, counts):
        with self.lock:
            for k, v in counts.items():
                self.counts[k] = self.counts.get(k, 0) + v

    def run_seeds(self, seeds):
        batches = []
        for kind in ("numeric", "strings"):
            ks = [s for s in seeds if (self.args.kind or gen.kind_of(s)) == kind]
            for i in range(0, len(ks), self.args.batch):
                batches.append((kind, ks[i:i + self.args.batch]))
        start = time.time()
        with concurrent.futures.ThreadPoolExecutor(self.args.jobs) as pool:
            for done, _ in enumerate(pool.map(lambda b: self.run_batch(*b), batches), 1):
                if self.args.progress and (done % self.args.progress == 0 or done == len(batches)):
                    print(f"[{time.time() - start:.0f}s] {done}/{len(batches)} batches: {self.summary()}", flush=True)

    def run_batch(self, kind, seeds):
        try:
            return self._run_batch(kind, seeds)
        except Exception as e:  # a bug of this script: report it, keep going
            import traceback
            traceback.print_exc()
            self.record({"seed": seeds[0], "kind": kind, "text": "", "signature": f"runner error {e!r}",
                         "details": [traceback.format_exc()]})

    def _run_batch(self, kind, seeds):
        if self.args.max_failures and len(self.failures) >= self.args.max_failures:
            self.add({"programs not run (--max-failures)": len(seeds)})
            return
        inputs = INPUTS[kind]
        programs = []
        for seed in seeds:
            text = gen.generate(seed, kind, self.exclude)
            tag = f"s{seed}"
            python = self.worker().run(text, kind, inputs)
            if python["status"] != "ok":
                self.add({f"python {python['status']}": 1})
                if python["status"] == "load error":  # the generator wrote what CPython refuses: its bug
                    self.record({"seed": seed, "kind": kind, "text": text, "details": [python["error"]],
                                 "signature": "generate.py: CPython cannot load the program"})
                    print(f"FAIL {kind} seed {seed}: CPython cannot load the program: {python['error']}", flush=True)
                continue
            programs.append({"seed": seed, "kind": kind, "text": text, "python": python,
                             "tagged": gen.generate(seed, kind, self.exclude, tag=tag), "fn": f"f_{tag}"})
        self.add({"programs": len(programs)})
        self.run_group(programs, kind)
        # some programs alone too, as FIND's entry (in a batch their function is called by another)
        for p in programs:
            if self.args.alone_every and p["seed"] % self.args.alone_every == 0:
                info = self.check(p["text"], kind, inputs)
                self.add({"programs also run alone": 1})
                if info["signatures"] and not any(f["seed"] == p["seed"] for f in self.failures):
                    self.failure(p, info["signatures"][0], [f"(alone) {m[0]} at {m[1]!r}: {m[2]}"
                                                            for m in info.get("mismatches", [])] or
                                 [info["findc"]["failure"] if info["findc"] else "?"])

    def run_group(self, programs, kind):
        """Evaluates programs in one file; a file findc fails on is split in halves."""
        if not programs:
            return
        inputs = INPUTS[kind]
        path = self.tmp / f"batch_{kind}_{programs[0]['seed']}_{len(programs)}.py"
        path.write_text(batch_text(programs, kind))
        fns = [ENTRY] + [p["fn"] for p in programs]
        result = evaluate(self.findc, path, kind, self.engines, fns, inputs, self.args.call_lines,
                          any(nonfinite(p["python"]) for p in programs))
        if not result["ok"]:
            if len(programs) > 1:
                half = len(programs) // 2
                self.run_group(programs[:half], kind)
                self.run_group(programs[half:], kind)
                return
            p = programs[0]
            self.failure(p, compile_signature(result["failure"]), [result["failure"]])
            return
        path.unlink()
        for p in programs:
            counts, mismatches = compare_program(p["python"], result, p["fn"], kind, inputs, self.engines, p["text"])
            self.add(counts)
            if mismatches:
                self.failure(p, mismatches[0][3], [f"{e} at {x!r}: {why}" for e, x, why, _ in mismatches])

    def record(self, failure):
        with self.lock:
            self.failures.append(failure)
            self.signatures[failure["signature"]] = self.signatures.get(failure["signature"], 0) + 1

    def failure(self, program, signature, details):
        """Confirms a failure on the program alone, writes it, and reduces it."""
        failure = {"seed": program["seed"], "kind": program["kind"], "text": program["text"],
                   "signature": signature, "details": details}
        with self.lock:  # the first few of each kind are confirmed on the program alone
            confirm = self.signatures.get(signature, 0) < 3
        alone = {"python": program["python"], "signatures": [signature], "findc": None}
        if confirm:
            alone = self.check(program["text"], program["kind"], INPUTS[program["kind"]])
            if signature not in alone["signatures"]:
                failure["note"] = ("not reproduced by the program alone (only in a batch): alone "
                                   + (", ".join(alone["signatures"]) or "it passes"))
        self.record(failure)
        print(f"FAIL {program['kind']} seed {program['seed']}: {signature}\n  " + "\n  ".join(details[:5]),
              flush=True)
        directory = None
        if self.out is not None:
            directory = self.out / f"{program['kind']}-{program['seed']}"
            directory.mkdir(parents=True, exist_ok=True)
            (directory / "program.py").write_text(program["text"])
            (directory / "report.txt").write_text(self.describe(program["text"], program["kind"],
                                                                INPUTS[program["kind"]], alone, signature, details,
                                                                failure.get("note")))
            (directory / "results.json").write_text(json.dumps(results_record(
                program["text"], program["kind"], INPUTS[program["kind"]], alone, signature, details), indent=1))
        with self.lock:
            reductions = self.reduced_signatures.get(signature, 0)
            todo = self.args.reduce_budget > 0 and reductions < self.args.reduce_per_signature \
                and "note" not in failure and time.time() < self.reduce_deadline and confirm
            if todo:
                self.reduced_signatures[signature] = reductions + 1
        if todo:
            reduced, inputs = self.reduce(program["text"], program["kind"], signature, alone)
            final = self.check(reduced, program["kind"], inputs)
            report = self.describe(reduced, program["kind"], inputs, final, signature, None, None)
            if directory is not None:
                (directory / "reduced.py").write_text(reduced)
                (directory / "reduced.txt").write_text(report)
            failure["reduced"] = reduced
            print(f"reduced, seed {program['seed']}:\n{report}", flush=True)

    # ---------------------------------------------------------- one program

    def check(self, text, kind, inputs, engines=None):
        """Runs one standalone program in CPython and findc: the failure signatures it shows."""
        engines = engines or self.engines
        python = self.worker().run(text, kind, inputs)
        info = {"python": python, "signatures": [], "findc": None, "lines": []}
        if python["status"] != "ok":
            return info
        path = self.tmp / f"alone_{threading.get_ident()}.py"
        path.write_text(text)
        result = evaluate(self.findc, path, kind, engines, [ch.entry_name(text)], inputs, self.args.call_lines)
        info["findc"] = result
        if not result["ok"]:
            info["signatures"] = [compile_signature(result["failure"])]
            return info
        counts, mismatches = compare_program(python, result, ch.entry_name(text), kind, inputs, engines, text)
        info["signatures"] = list(dict.fromkeys(m[3] for m in mismatches))
        info["mismatches"] = mismatches
        return info

    def describe(self, text, kind, inputs, info, signature, details, note):
        out = [f"failure: {signature}"]
        if note:
            out.append(f"note: {note}")
        out += ["", "program:", text.rstrip(), "", f"kind: {kind} (findc --input {'real' if kind == 'numeric' else 'str'})"]
        python = info["python"]
        if python["status"] != "ok":
            out.append(f"CPython: {python['status']} {python.get('error', '')}")
            return "\n".join(out) + "\n"
        result = info["findc"]
        if result is not None and not result["ok"]:
            out.append(f"findc: {result['failure']}")
        fn = ch.entry_name(text)
        for i, x in enumerate(inputs):
            p = python["results"][i]
            row = [f"input {x!r}: CPython {p[1]!r}" if p[0] == "value" else f"input {x!r}: CPython raises {p[1]}"]
            if python["big"][i]:
                row.append(f"(an int past int64 inside, first from {python['big'][i]})")
            if result is not None and result["ok"]:
                for engine in self.engines:
                    if engine in result:
                        o, e = result[engine][fn]
                        row.append(f"{engine} {'raises ' + e[i] if e[i] else repr(o[i])}")
            out.append("; ".join(row))
        for m in info.get("mismatches", []):
            out.append(f"mismatch {m[0]} at {m[1]!r}: {m[2]}")
        if details:
            out += ["", "as first seen:"] + details[:20]
        return "\n".join(out) + "\n"

    # --------------------------------------------------------------- reduce

    def reduce(self, text, kind, signature, info):
        """Deletes statements and simplifies expressions while `signature` persists."""
        deadline = time.time() + self.args.reduce_budget
        inputs = INPUTS[kind]
        # the inputs: the first one that shows the failure (all of them for a compile failure)
        if signature.startswith(("value", "call line")):
            for m in info.get("mismatches", []):
                if m[3] == signature and m[1] is not None:
                    inputs = [m[1]]
                    break
        engines = self.engines
        if info.get("mismatches"):
            if not signature.endswith(" only)"):  # one engine shows it: enough to run one
                engines = [next(m[0] for m in info["mismatches"] if m[3] == signature)]
        cache = {}
        # no error CPython did not raise already: the program stays valid (no unassigned local, no call of
        # what is not there, no operand of the wrong type)
        original = info["python"].get("results") or []
        allowed = {v for k, v in original if k == "error"} - {"NameError", "UnboundLocalError"}

        def interesting(candidate):
            if candidate in cache:
                return cache[candidate]
            if undefined_names(candidate):  # even where it does not run: findc compiles it
                cache[candidate] = False
                return False
            info = self.check(candidate, kind, inputs, engines)
            python = info["python"]
            ok = signature in info["signatures"] and python["status"] == "ok" and not any(
                k == "error" and v not in allowed and v in ("NameError", "UnboundLocalError", "TypeError",
                                                            "AttributeError") for k, v in python["results"])
            cache[candidate] = ok
            return ok

        best = text
        if not interesting(best):  # flaky, or only with every input: keep them all
            inputs = INPUTS[kind]
            if not interesting(best):
                return text, inputs
        for phase in (statement_edits, expression_edits, statement_edits, expression_edits):
            changed = True
            while changed and time.time() < deadline:
                changed = False
                k = 0
                while time.time() < deadline:
                    candidate = phase(best, k)
                    if candidate is None:
                        break
                    if candidate != best and interesting(candidate):
                        best = candidate
                        changed = True
                    else:
                        k += 1
        return best, inputs

    def summary(self):
        c = self.counts
        return (f"{c.get('programs', 0)} programs, {c.get('exact', 0)} values identical, "
                f"{c.get('int as float', 0)} ints as equal floats, {c.get('big int', 0)} past int64, "
                f"{c.get('ulp', 0)} within 4 ulp (SciPy), {c.get('budget', 0)} past findc's loop budget, "
                f"{c.get('lines', 0)} call lines; "
                f"{c.get('differ', 0)} differ, {len(self.failures)} failing programs"
                + "".join(f", {c[k]} {k}" for k in sorted(c) if k.startswith(("python", "programs not", "programs also"))))


# ------------------------------------------------------------------ reducer edits

def statement_lists(tree):
    """Every list of statements in the tree, outermost first."""
    lists = []
    for node in ast.walk(tree):
        for field in ("body", "orelse"):
            value = getattr(node, field, None)
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                lists.append((node, field))
    return lists


def statement_edits(text, k):
    """The k-th edit of text's statements (deleting one, or replacing a compound one by a body), or None."""
    tree = ast.parse(text)
    i = 0
    for node, field in statement_lists(tree):
        body = getattr(node, field)
        for j, stmt in enumerate(body):
            options = [[]]
            for sub in ("body", "orelse"):
                inner = getattr(stmt, sub, None)
                if isinstance(stmt, (ast.If, ast.For, ast.While)) and inner:
                    options.append(inner)
            for replacement in options:
                if i == k:
                    new = body[:j] + replacement + body[j + 1:]
                    if not new and field == "body":
                        new = [ast.Pass()]
                    setattr(node, field, new)
                    return unparse(tree)
                i += 1
    return None


SIMPLE = [ast.Constant(0), ast.Constant(1), ast.Constant(2.0), ast.Constant(""), ast.Constant("a"),
          ast.Constant(True)]


def undefined_names(text):
    """The names text reads that nothing binds (not even a builtin)."""
    import builtins
    tree = ast.parse(text)
    bound = set(dir(builtins))
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
            and node.id not in bound}


def expression_edits(text, k):
    """The k-th edit of text's expressions (one replaced by a sub-expression or a literal), or None."""
    tree = ast.parse(text)
    i = 0
    # print's arguments are not evaluated in findc (documented): left alone
    printed = {id(sub) for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
               and node.func.id == "print" for sub in ast.walk(node)}
    for parent in ast.walk(tree):
        if id(parent) in printed:
            continue
        for field, value in ast.iter_fields(parent):
            children = value if isinstance(value, list) else [value]
            for index, node in enumerate(children):
                if not isinstance(node, ast.expr) or isinstance(getattr(node, "ctx", None), ast.Store):
                    continue
                if isinstance(parent, ast.Call) and field == "func" or isinstance(parent, ast.Attribute) \
                        or isinstance(parent, ast.JoinedStr) or isinstance(parent, ast.FormattedValue) \
                        and field != "value" or isinstance(node, (ast.Constant, ast.Name)) \
                        and not isinstance(parent, (ast.Call, ast.BoolOp, ast.Compare, ast.List, ast.Dict)):
                    continue
                options = [c for c in ast.iter_child_nodes(node) if isinstance(c, ast.expr)
                           and not isinstance(getattr(c, "ctx", None), ast.Store)]
                if isinstance(node, ast.Call):
                    options = [c for c in node.args]
                    options += [ast.Call(node.func, node.args[:a] + node.args[a + 1:], node.keywords)
                                for a in range(len(node.args))]
                    options += [ast.Call(node.func, node.args, node.keywords[:a] + node.keywords[a + 1:])
                                for a in range(len(node.keywords))]
                if isinstance(node, ast.BoolOp) and len(node.values) > 2:
                    options += [ast.BoolOp(node.op, node.values[:a] + node.values[a + 1:])
                                for a in range(len(node.values))]
                if isinstance(node, ast.Compare) and len(node.ops) > 1:
                    options.append(ast.Compare(node.left, node.ops[:1], node.comparators[:1]))
                if isinstance(node, (ast.ListComp, ast.GeneratorExp)) and node.generators[0].ifs:
                    gens = [ast.comprehension(node.generators[0].target, node.generators[0].iter, [], 0)]
                    options.append(type(node)(node.elt, gens))
                if not isinstance(node, ast.Constant):
                    options += SIMPLE
                elif isinstance(node.value, (int, float)) and not isinstance(node.value, bool) \
                        and node.value not in (0, 1):
                    options += [ast.Constant(0), ast.Constant(1)]
                for option in options:
                    if i == k:
                        if isinstance(value, list):
                            value[index] = option
                        else:
                            setattr(parent, field, option)
                        try:
                            return unparse(tree)
                        except Exception:
                            return text
                    i += 1
    return None


def unparse(tree):
    text = ast.unparse(ast.fix_missing_locations(tree))
    # blank lines between definitions, as written
    return re.sub(r"\n(def )", r"\n\n\1", text) + "\n"


# --------------------------------------------------------------------- main

def parse_seeds(text):
    a, _, b = text.partition(":")
    return list(range(int(a), int(b))) if b else [int(a)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("findc", nargs="?")
    parser.add_argument("--seeds", default="0:300", help="A:B, the seeds A to B-1 (default 0:300)")
    parser.add_argument("--kind", choices=["numeric", "strings"], help="every seed of this kind (default: by parity)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=40, help="programs per findc run")
    parser.add_argument("--engines", default="jit,interp")
    parser.add_argument("--exclude", help="generator features to leave out (generate.py --features); 'none' for "
                        f"none; default: the known findc bugs ({','.join(sorted(gen.KNOWN_BUGS))})")
    parser.add_argument("--include", help="features to generate although --exclude's default leaves them out")
    parser.add_argument("--no-call-lines", dest="call_lines", action="store_false",
                        help="skip the comparison of findc call's line with FIND's frame")
    parser.add_argument("--out", help="write failures (program, results, reduced program) under this directory")
    parser.add_argument("--reduce-budget", type=float, default=120, help="seconds to reduce one failure (0: none)")
    parser.add_argument("--reduce-total", type=float, default=float("inf"),
                        help="seconds after which no further failure is reduced")
    parser.add_argument("--reduce-per-signature", type=int, default=2,
                        help="reduce at most this many failures that fail the same way")
    parser.add_argument("--alone-every", type=int, default=0,
                        help="also run each program whose seed is a multiple of N alone (0: none)")
    parser.add_argument("--max-failures", type=int, default=0,
                        help="run no further batch once this many programs failed (0: no limit)")
    parser.add_argument("--time-limit", type=float, default=2.0, help="CPython's seconds per program")
    parser.add_argument("--progress", type=int, default=0, help="print a line every N batches")
    parser.add_argument("--reduce", metavar="FILE", help="reduce this program's failure (its first) and print it")
    parser.add_argument("--python-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.python_worker:
        python_worker()
        return 0
    if not args.findc:
        parser.error("FINDC is required")
    runner = Runner(args)
    start = time.time()
    try:
        if args.reduce:
            kind = args.kind or "numeric"
            text = Path(args.reduce).read_text()
            info = runner.check(text, kind, INPUTS[kind])
            if not info["signatures"]:
                print("no failure: CPython and findc agree" if info["python"]["status"] == "ok"
                      else f"CPython: {info['python']['status']} {info['python'].get('error', '')}")
                return 0
            signature = info["signatures"][0]
            reduced, inputs = runner.reduce(text, kind, signature, info)
            print(runner.describe(reduced, kind, inputs, runner.check(reduced, kind, inputs), signature, None, None))
            return 1
        runner.run_seeds(parse_seeds(args.seeds))
    finally:
        for worker in runner.workers:
            worker.close()
        shutil.rmtree(runner.tmp, ignore_errors=True)
    print(f"{args.seeds} ({', '.join(runner.engines)}, {time.time() - start:.1f}s): {runner.summary()}")
    if runner.signatures:
        print("failures by kind:")
        for sig, n in sorted(runner.signatures.items(), key=lambda kv: -kv[1]):
            seeds = [f["seed"] for f in runner.failures if f["signature"] == sig]
            print(f"  {n:5} {sig}  (seeds {', '.join(map(str, seeds[:8]))}{', ...' if len(seeds) > 8 else ''})")
        seed = runner.failures[0]["seed"]
        options = "".join(f" --{o} {getattr(args, o)}" for o in ("kind", "exclude", "include") if getattr(args, o))
        print(f"to see one reduced: {sys.argv[0]} {args.findc} --seeds {seed}:{seed + 1}{options} --out DIR")
    return 1 if runner.failures else 0


if __name__ == "__main__":
    sys.exit(main())
