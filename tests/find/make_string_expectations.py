#!/usr/bin/env python3
"""Ground-truth outputs of FIND's string atoms, computed by FIND's own Python.

Usage:
    python3 tests/find/make_string_expectations.py PATH/TO/string_functions.py OUT.json

PATH/TO/string_functions.py is FIND's
src/make_functions/make_strings/string_functions.py
(repository multimodal-interpretability/FIND). It is NOT part of this
repository and none of its code is copied here: this script only imports it
from the given path and calls its atoms. Standard library only (Python 3.11).
If numpy or scipy cannot be imported, empty stub modules are put in
sys.modules first; the atoms never use them (only FIND's sampler does).

Two ways of running the same atom bodies
----------------------------------------
string_functions.py does `import string as str`, so inside that module the
name `str` is the `string` module and every `str(n)` in an atom raises
TypeError ('module' object is not callable). FIND's released benchmark code
(`function_code.py`, produced by its write_source_code.py) pastes the same
atom bodies under a header that only imports numpy, scipy.signal and sys, so
there `str` is the builtin. The released behaviour is the ground truth:

* main fields ("ok", "type", "value", "str" / "error"): the atoms with the
  module's global `str` rebound to builtins.str (= released function_code.py);
* "as_imported": present only where the module as imported (with
  `str` = the string module) gives a different outcome; same shape
  ({"ok": false, "error": "TypeError"} in practice).

Output format
-------------
A JSON array, UTF-8 (not ASCII-escaped), one element per line:

    [
    {"header": true, "source": "FIND string_functions.py", "python": "3.11.7", ...},
    {"atom": "get_string_length", "params": [], "input": "", "ok": true,
     "type": "str", "value": "zero", "str": "zero"},
    {"atom": "get_first_character", "params": [], "input": "", "ok": false,
     "error": "IndexError"},
    ...
    ]

The first element is the header (source file name and sha256, Python version,
the input list, the semantics note); every other element is one record for
(atom, params, input). "params" are the arguments after the input string, in
call order (map_string: one JSON object, the mapping). "type" is one of
"str", "int", "bool", "list"; "value" is the Python value as JSON; "str" is
str(value). On an exception: "ok": false and "error" is the exception class
name (IndexError, KeyError, ValueError, TypeError, ...).

Order is deterministic: atoms in ATOMS order, then the atom's parameter sets
in order, then INPUTS in order. The inputs and parameters are fixed here; they
follow FIND's sampling ranges (sample_single_f): numbers 1..9, ASCII letters,
one-letter substrings, concatenation suffixes of 1..5 letters, index pairs
from 0..9 with inx1 != inx2, shift amounts 0..25, a shuffled a..z mapping.

After writing OUT.json the script prints a summary: record counts, errors by
kind and by atom, divergences of the as-imported module, and a list of
quirks checked against the records just computed (see tests/strings/QUIRKS.md).
"""

import builtins
import collections
import hashlib
import importlib.util
import json
import platform
import sys
import types

ATOMS = [
    "get_string_length", "get_digit_indexes", "get_alpha_indexes",
    "convert_to_lowercase", "convert_to_uppercase", "capitalize_string",
    "reverse_string", "reverse_string_first_half", "reverse_string_last_half",
    "extract_digits", "remove_digits", "extract_uppers", "remove_uppers",
    "add_whitespace", "remove_whitespace", "get_first_character",
    "get_last_character", "get_mid_character", "remove_duplicates",
    "reverse_words", "count_vowels", "reverse_vowels",
    "capitalize_alternating_letters", "replace_vowels_with_character",
    "replace_vowels_with_first", "replace_vowels_with_last",
    "replace_vowels_with_mid", "replace_vowels_with_ind_of_count",
    "count_consonants", "count_uppercase", "count_lowercase",
    "count_character_repetitions", "string_strip", "string_lstrip",
    "string_rstrip", "add_number_to_string", "advance_by_character_order",
    "substract_by_character_order", "add_len_to_string", "add_number_to_middle",
    "add_len_to_middle", "add_order_of_inx1_to_inx2", "sub_order_of_inx1_to_inx2",
    "subtract_number_to_string", "subtract_middle_character", "insert_number",
    "add_letter_if_needed", "insert_letter", "split_string", "string_concatenate",
    "count_substring", "find_string", "remove_substring", "starts_with_substring",
    "ends_with_substring", "replace_substring", "duplicate_first_letter",
    "duplicate_last_letter", "duplicate_mid_letter", "swap_first_last",
    "swap_rand", "map_string", "get_first_character_ordinality",
    "get_last_character_ordinality", "get_mid_character_ordinality",
    "shift_last_letter_rand", "shift_first_letter_rand",
    "shift_last_letter_predecessor_rand", "shift_first_letter_predecessor_rand",
]

# 31 ASCII characters, all lowercase vowels: counts of 31 exceed FIND's
# number-word tables ('0'..'30').
S31 = "aeiouaeiouaeiouaeiouaeiouaeioua"
# 40 mixed characters; 'Z' (34), 'q' (35) and '9' (36) occur for the first
# time past index 30, so index-to-word lookups of them raise KeyError.
S40 = "Hello World 2024! Mixed caSe tEx: Zq9 .."
assert len(S31) == 31 and len(S40) == 40

INPUTS = [
    "", "a", "Z", "7", " ", "hello", "Hello World", "  padded text \t",
    "abc123def45", "AEIOUaeiou", "bcdfg", "MiXeD CaSe",
    "caf\u00e9",                       # café (NFC)
    "stra\u00dfe",                     # straße
    "\u0130stanbul",                   # İstanbul (capital I with dot above)
    "\u201cquoted\u201d",              # “quoted”
    "na\u00efve r\u00e9sum\u00e9",     # naïve résumé (NFC)
    "x1y2z3", "zebra", "Zoo", "racecar", S31, S40, "a\nb\tc",
    "\u65e5\u672c\u8a9e",              # 日本語
    "\u01c5emal",                      # ǅemal (titlecase digraph DŽ)
    "\u03a3\u0391\u03a3",              # ΣΑΣ
    "x\u00b2+\u0663",                  # x²+٣ (extra: non-ASCII digits, isdigit() is True)
]

# Two fixed shuffles of a..z (drawn once, written out literally).
MAP1 = {"a": "b", "b": "a", "c": "n", "d": "r", "e": "h", "f": "s", "g": "k",
        "h": "q", "i": "g", "j": "w", "k": "v", "l": "x", "m": "c", "n": "y",
        "o": "e", "p": "u", "q": "o", "r": "f", "s": "d", "t": "j", "u": "i",
        "v": "z", "w": "l", "x": "t", "y": "m", "z": "p"}
MAP2 = {"a": "l", "b": "z", "c": "w", "d": "g", "e": "k", "f": "m", "g": "o",
        "h": "e", "i": "a", "j": "c", "k": "b", "l": "p", "m": "y", "n": "f",
        "o": "d", "p": "q", "q": "r", "r": "i", "s": "n", "t": "v", "u": "s",
        "v": "h", "w": "u", "x": "x", "y": "j", "z": "t"}

NUMBER = [[3], [9]]          # random.randint(1, 9)
LETTER = [["a"], ["Q"]]      # random.choice(string.ascii_letters)
SUB1 = [["l"], ["Z"]]        # generate_random_string(1)
INX = [[0, 3], [7, 2]]       # randint(0, 9) pairs, inx1 != inx2
RAND = [[0], [1], [25]]      # random.randint(0, 25); three sets: 0 and 25 are edge cases

PARAMS = {
    "add_number_to_string": NUMBER, "subtract_number_to_string": NUMBER,
    "insert_number": NUMBER, "add_number_to_middle": NUMBER,
    "subtract_middle_character": NUMBER, "advance_by_character_order": NUMBER,
    "substract_by_character_order": NUMBER,
    "add_letter_if_needed": LETTER, "insert_letter": LETTER,
    "count_character_repetitions": LETTER,
    "split_string": [["l"], ["Z"]],
    "string_concatenate": [["xY"], ["abcde"]],
    "count_substring": SUB1, "find_string": SUB1, "remove_substring": SUB1,
    "starts_with_substring": SUB1, "ends_with_substring": SUB1,
    "replace_vowels_with_character": [["x"], ["Q"]],
    "replace_substring": [["l", "Q"], ["Z", "a"]],
    "swap_rand": INX, "add_order_of_inx1_to_inx2": INX,
    "sub_order_of_inx1_to_inx2": INX,
    "map_string": [[MAP1], [MAP2]],
    "shift_last_letter_rand": RAND, "shift_first_letter_rand": RAND,
    "shift_last_letter_predecessor_rand": RAND,
    "shift_first_letter_predecessor_rand": RAND,
}


def _ensure_numpy_scipy_importable():
    """Put empty stand-ins in sys.modules for numpy / scipy.signal if absent."""
    try:
        import numpy  # noqa: F401
    except ImportError:
        sys.modules["numpy"] = types.ModuleType("numpy")
    try:
        import scipy.signal  # noqa: F401
    except ImportError:
        scipy = types.ModuleType("scipy")
        signal = types.ModuleType("scipy.signal")
        scipy.signal = signal
        sys.modules["scipy"] = scipy
        sys.modules["scipy.signal"] = signal


def load_find_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def type_name(value):
    if isinstance(value, bool):
        return "bool"
    for t, n in ((int, "int"), (str, "str"), (list, "list")):
        if isinstance(value, t):
            return n
    raise TypeError(f"unexpected result type {type(value).__name__}")


def evaluate(fn, text, params):
    try:
        value = fn(text, *params)
    except Exception as exc:  # FIND's atoms raise plain built-in exceptions
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": True, "type": type_name(value), "value": value,
            "str": builtins.str(value)}


def same_outcome(a, b):
    if a["ok"] != b["ok"]:
        return False
    if not a["ok"]:
        return a["error"] == b["error"]
    return a["type"] == b["type"] and a["value"] == b["value"]


def build_records(released, imported):
    records = []
    for atom in ATOMS:
        for params in PARAMS.get(atom, [[]]):
            for text in INPUTS:
                rec = {"atom": atom, "params": params, "input": text}
                outcome = evaluate(getattr(released, atom), text, params)
                rec.update(outcome)
                raw = evaluate(getattr(imported, atom), text, params)
                if not same_outcome(outcome, raw):
                    rec["as_imported"] = raw
                records.append(rec)
    return records


def write_json(path, header, records):
    lines = [json.dumps(header, ensure_ascii=False)]
    lines += [json.dumps(r, ensure_ascii=False) for r in records]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("[\n" + ",\n".join(lines) + "\n]\n")


# ---------------------------------------------------------------- summary

def _lookup(records):
    table = {}
    for r in records:
        key = (r["atom"], json.dumps(r["params"], sort_keys=True), r["input"])
        table[key] = r
    return lambda atom, text, *params: table[(atom, json.dumps(list(params), sort_keys=True), text)]


def _out(r):
    return repr(r["value"]) if r["ok"] else r["error"]


def quirk_checks(records):
    """(description, holds) pairs, each checked against the computed records."""
    R = _lookup(records)
    v = lambda *a: _out(R(*a))  # noqa: E731
    checks = [
        ("get_digit_indexes keeps only the LAST character's entry (list reset every iteration): "
         "'abc123def45' -> " + v("get_digit_indexes", "abc123def45") + ", 'x1y2z3' -> "
         + v("get_digit_indexes", "x1y2z3"),
         v("get_digit_indexes", "abc123def45") == "'ten'" and v("get_digit_indexes", "x1y2z3") == "'five'"),
        ("get_digit_indexes / get_alpha_indexes use string.find(char) (first occurrence): "
         "get_alpha_indexes('hello') -> " + v("get_alpha_indexes", "hello"),
         v("get_alpha_indexes", "hello") == "'zero one two two four'"),
        ("first occurrence at index > 30 raises KeyError: get_alpha_indexes(S40) -> "
         + v("get_alpha_indexes", S40) + ", get_digit_indexes(S40) -> " + v("get_digit_indexes", S40),
         v("get_alpha_indexes", S40) == "KeyError" and v("get_digit_indexes", S40) == "KeyError"),
        ("get_string_length past 30 is 'unknown' (no KeyError): len 31 -> " + v("get_string_length", S31),
         v("get_string_length", S31) == "'unknown'"),
        ("count_vowels / count_lowercase of 31 raise KeyError: " + v("count_vowels", S31) + ", "
         + v("count_lowercase", S31),
         v("count_vowels", S31) == "KeyError" and v("count_lowercase", S31) == "KeyError"),
        ("count_consonants counts lowercase 'a' (consonant list 'abcdfg...'), not 'A': 'a' -> "
         + v("count_consonants", "a") + ", 'AEIOUaeiou' -> " + v("count_consonants", "AEIOUaeiou"),
         v("count_consonants", "a") == "'one'" and v("count_consonants", "AEIOUaeiou") == "'one'"),
        ("sub_order_of_inx1_to_inx2 ADDS like add_order_of_inx1_to_inx2: (0,3)/(7,2) identical on every input",
         all(R("sub_order_of_inx1_to_inx2", t, *p)["value" if R("sub_order_of_inx1_to_inx2", t, *p)["ok"] else "error"]
             == R("add_order_of_inx1_to_inx2", t, *p)["value" if R("add_order_of_inx1_to_inx2", t, *p)["ok"] else "error"]
             for t in INPUTS for p in INX)),
        ("get_mid_character returns two characters for even lengths: 'hello' -> "
         + v("get_mid_character", "hello") + ", 'bcdfg' -> " + v("get_mid_character", "bcdfg")
         + ", 'zebra' -> " + v("get_mid_character", "zebra") + ", 'café' -> " + v("get_mid_character", "caf\u00e9")
         + ", '' -> " + v("get_mid_character", ""),
         v("get_mid_character", "caf\u00e9") == "'af'" and v("get_mid_character", "") == "''"),
        ("find_string maps -1 to 'none': find_string('hello','Z') -> " + v("find_string", "hello", "Z")
         + "; index past 30 raises: find_string(S40,'Z') -> " + v("find_string", S40, "Z"),
         v("find_string", "hello", "Z") == "'none'" and v("find_string", S40, "Z") == "KeyError"),
        ("ordinality atoms raise ValueError for non-ASCII letters: get_last_character_ordinality('café') -> "
         + v("get_last_character_ordinality", "caf\u00e9") + "; IndexError on '': "
         + v("get_first_character_ordinality", ""),
         v("get_last_character_ordinality", "caf\u00e9") == "ValueError"
         and v("get_first_character_ordinality", "") == "IndexError"),
        ("caesar atoms map non-ASCII letters into a..z: add_number_to_string('café', 3) -> "
         + v("add_number_to_string", "caf\u00e9", 3) + ", subtract_number_to_string('straße', 3) -> "
         + v("subtract_number_to_string", "stra\u00dfe", 3),
         v("add_number_to_string", "caf\u00e9", 3) == "'fdij'"),  # (233-97+3) % 26 = 9
        ("shift_*_rand: 'z'/'Z' wrap to 'a'/'A' whatever rand (even 0); other letters get chr(ord+rand) "
         "with no wrap: shift_first_letter_rand('zebra',0) -> " + v("shift_first_letter_rand", "zebra", 0)
         + ", shift_last_letter_rand('hello',25) -> " + v("shift_last_letter_rand", "hello", 25),
         v("shift_first_letter_rand", "zebra", 0) == "'aebra'"
         and v("shift_last_letter_rand", "hello", 25) == repr("hell" + chr(ord("o") + 25))),
        ("replace_vowels_with_ind_of_count('bcdfg') uses string[-1] (count 0 -> index -1) and '' raises: "
         + v("replace_vowels_with_ind_of_count", "") + "; S31 (31 vowels, len 31) -> index 30",
         v("replace_vowels_with_ind_of_count", "") == "IndexError"),
        ("extract_digits raises KeyError on non-ASCII digits ('\u00b2'.isdigit() is True): 'x\u00b2+\u0663' -> "
         + v("extract_digits", "x\u00b2+\u0663") + "; remove_digits -> " + v("remove_digits", "x\u00b2+\u0663")
         + "; get_digit_indexes -> " + v("get_digit_indexes", "x\u00b2+\u0663"),
         v("extract_digits", "x\u00b2+\u0663") == "KeyError" and v("remove_digits", "x\u00b2+\u0663") == "'x+'"),
        ("split_string joins with ' ': split_string('hello','l') -> " + v("split_string", "hello", "l"),
         v("split_string", "hello", "l") == "'he  o'"),
    ]
    return checks


def summary(records, out_path):
    body = records
    print(f"wrote {out_path}: {len(body)} records "
          f"({len(ATOMS)} atoms x their parameter sets x {len(INPUTS)} inputs)")
    errors = collections.Counter(r["error"] for r in body if not r["ok"])
    print(f"ok: {sum(r['ok'] for r in body)}, errors: {sum(errors.values())} "
          + ", ".join(f"{k} {n}" for k, n in sorted(errors.items())))
    by_atom = collections.defaultdict(collections.Counter)
    for r in body:
        if not r["ok"]:
            by_atom[r["atom"]][r["error"]] += 1
    print("errors by atom:")
    for atom in ATOMS:
        if by_atom[atom]:
            print(f"  {atom}: " + ", ".join(f"{k} {n}" for k, n in sorted(by_atom[atom].items())))
    div = collections.Counter(r["atom"] for r in body if "as_imported" in r)
    print(f"as_imported divergences (module's `import string as str`): {sum(div.values())} records in "
          f"{len(div)} atoms: " + ", ".join(f"{a} {n}" for a, n in div.items()))
    print("quirk checks:")
    failed = 0
    for text, holds in quirk_checks(records):
        failed += not holds
        print(("  ok   " if holds else "  FAIL ") + text)
    return failed


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    src, out = argv[1], argv[2]
    _ensure_numpy_scipy_importable()
    imported = load_find_module(src, "find_string_functions_as_imported")
    released = load_find_module(src, "find_string_functions_released")
    released.str = builtins.str  # what function_code.py's header gives the same bodies
    with open(src, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    header = {
        "header": True,
        "source": "FIND string_functions.py",
        "source_sha256": digest,
        "python": platform.python_version(),
        "semantics": "main fields: module global `str` rebound to builtins.str (as in FIND's released "
                     "function_code.py); 'as_imported': outcome of the module as imported "
                     "(`import string as str`), present only where it differs",
        "inputs": INPUTS,
    }
    records = build_records(released, imported)
    write_json(out, header, records)
    failed = summary(records, out)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
