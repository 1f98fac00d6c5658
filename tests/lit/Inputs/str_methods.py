#!/usr/bin/env python3
"""Checks findc's str methods against CPython, value for value.

    str_methods.py FINDC OUT_DIR

Each case below is a Python hypothesis `def f(s): ...`; it is written to
OUT_DIR/NAME.py, called by CPython (this process) at every input, and
evaluated by findc (`findc eval NAME.py --json --input str`, each engine).
Both must give the same str, int or bool, or raise the same exception.
The inputs cover ASCII, Latin-1 and multi-byte text (final sigma,
titlecase digraphs, expanding case mappings, numerals of other scripts).
Prints one line per difference and a summary; exits 1 on any difference.
"""
import json
import os
import subprocess
import sys

INPUTS = [
    "", " ", "a", "hello", "hello world", "Hello World", "  padded  ", "lllll", "l", "banana", "Mississippi",
    "abcabcabc", "they're bill's friends", "a-b_c d.e", "abc123", "12345", "-42", "+7", "-", "3.5", "MiXeD CaSe",
    # Latin-1
    "café", "ÉCOLE", "straße", "ß", "ÿ", "naïve résumé", "µ", "ª", "½", "²", "¹²³",
    # multi-byte
    "ΣΑΣ ΟΔΟΣ", "ὈΔΥΣΣΕΎΣ", "σς Σ", "aΣ", "Σa", "ǆemal", "ǅ", "ǈ", "ﬁre ﬂy", "ŉ", "İstanbul", "ΐ",
    "привет мир", "日本語", "😀a😀", "٣٤", "١٢٣", "Ⅻ", "一二三", "１２３", "e\u0301", "ᾳ ᾼ", "Ⓐⓑ",
]

# name: the body of f(s).
CASES = {
    "title": "s.title()",
    "swapcase": "s.swapcase()",
    "casefold": "s.casefold()",
    "title_swap_zfill": "s.title().swapcase().zfill(12)",
    "zfill": "s.zfill(8) + '|' + s.zfill(0) + '|' + s.zfill(-3) + '|' + s.zfill(len(s) + 1)",
    "center": "s.center(11) + '|' + s.center(12, '*') + '|' + s.center(9, 'é') + '|' + s.center(10, '日')",
    "center_odd": "'|'.join([s.center(w, '.') for w in range(0, 16)])",
    "center_fill_two": "s.center(4, 'ab')",
    "center_fill_empty": "s.ljust(3, '')",
    "ljust_rjust": "s.ljust(9, '.') + '|' + s.rjust(10) + '|' + s.rjust(7, '😀') + '|' + s.ljust(-1)",
    "strip_chars": "s.strip('l ') + '|' + s.lstrip('abé') + '|' + s.rstrip('s!') + '|' + s.strip('')",
    "strip_multibyte": "s.strip('ΣΑ') + '|' + s.strip('日語') + '|' + s.rstrip('😀') + '|' + s.lstrip('\u0301e')",
    "find_start": "s.find('a', 2) + s.find('s', -3) * 100 + s.find('', 4) * 10000 + s.find('', 100) * 1000000",
    "find_range": "str(s.find('l', 1, -1)) + str(s.find('ss', 3, 5)) + str(s.find('é', -4)) + str(s.find('Σ', 1))",
    "rfind": "str(s.rfind('a')) + str(s.rfind('s', 0, 5)) + str(s.rfind('')) + str(s.rfind('', 2, 1)) + str(s.rfind('é', -5))",
    "index_start": "s.index('a', 1)",
    "rindex": "s.rindex('l')",
    "rindex_range": "s.rindex('o', 0, -2)",
    "index_extremes": "s.index('', -9223372036854775807 - 1, 9223372036854775807)",
    "count_start": "str(s.count('s', 2)) + str(s.count('', 3)) + str(s.count('a', -4, -1)) + str(s.count('', -100, 100))",
    "count_range": "str(s.count('ss', 2, 6)) + str(s.count('', 5, 2)) + str(s.count('日', 1))",
    "isalnum": "s.isalnum()",
    "isdecimal": "s.isdecimal()",
    "isnumeric": "s.isnumeric()",
    "remove_affixes": "s.removeprefix('he') + '|' + s.removesuffix('ld') + '|' + s.removeprefix('') + '|' + s.removesuffix(s)",
    "pending_strip_find": "s.strip('l ') + ':' + str(s.find('a', s.find('a') + 1))",
}

# Every find/rfind/count bound from -12 to 12 (clamping on both sides).
LOOPS = {
    "find_all_bounds": """\
def f(s):
    out = ""
    for i in range(-12, 13):
        for j in range(-12, 13):
            out = out + str(s.find("a", i, j)) + str(s.rfind("s", i, j)) + str(s.count("", i, j)) + ","
            out = out + str(s.find("", i, j)) + str(s.rfind("", i, j)) + str(s.count("s", i, j)) + ";"
    return out
""",
}


def source(name):
    if name in LOOPS:
        return LOOPS[name]
    return f"def f(s):\n    return {CASES[name]}\n"


def python_result(text, x):
    namespace = {}
    exec(text, namespace)
    try:
        value = namespace["f"](x)
    except Exception as e:
        return {"error": type(e).__name__}
    return {"value": value, "type": type(value).__name__}


def findc_results(findc, path, engine):
    run = subprocess.run([findc, "eval", path, "--json", "--engine", engine, "--input", "str", "--", *INPUTS],
                         capture_output=True, text=True)
    if run.returncode != 0:
        return None, run.stderr.strip()
    record = json.loads(run.stdout)
    errors = record.get("errors") or [None] * len(INPUTS)
    return list(zip(record["outputs"], errors)), None


def main(findc, out_dir):
    compared = differ = 0
    for name in [*CASES, *LOOPS]:
        text = source(name)
        path = os.path.join(out_dir, name + ".py")
        with open(path, "w") as f:
            f.write(text)
        expected = [python_result(text, x) for x in INPUTS]
        for engine in ["jit", "interp"]:
            results, failure = findc_results(findc, path, engine)
            if failure:
                differ += 1
                print(f"{name} ({engine}): findc fails: {failure}")
                continue
            for x, want, (value, error) in zip(INPUTS, expected, results):
                compared += 1
                if "error" in want:
                    same = error == want["error"]
                else:
                    same = error is None and value == want["value"] and type(value).__name__ == want["type"]
                if not same:
                    differ += 1
                    print(f"{name} ({engine}) at {x!r}: CPython {want}, findc {error or repr(value)}")
    print(f"{len(CASES) + len(LOOPS)} str method cases x {len(INPUTS)} inputs x 2 engines: "
          f"{compared - differ} values identical to CPython, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
