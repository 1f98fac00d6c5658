"""FIND's code scorer for string functions (src/evaluate_interpretations/
string_indicator.py), restated: for each function fNNNNN of DIR, load
DIR/fNNNNN/function_code.py, call `function` on the correct input of each
vector of DIR/unit_test_data.json through an `exec` string with the input
between single quotes, and compare with the stored output by ==. An
exception scores 0 and ends that function's tests. Prints `fNNNNN SCORE`.

usage: find_string_scorer.py DIR
"""
import importlib.util
import json
import sys
from pathlib import Path

root = Path(sys.argv[1])
tests = json.loads((root / "unit_test_data.json").read_text())
for serial, entry in enumerate(tests):
    name = f"f{serial:05d}"
    spec = importlib.util.spec_from_file_location(name, root / name / "function_code.py")
    func_test = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(func_test)
    score = []
    try:
        for inx, vec in enumerate(entry["test_vec"]):
            test_out = []
            correct = int(entry["correct_inx"][inx]) - 1
            in_val = str(vec[0][correct])
            exec(f"test_out.append(func_test.function('{in_val}'))")
            score.append(1 if vec[1][correct] == test_out[0] else 0)
    except Exception:
        score.append(0)
    print(name, sum(score) / len(score))
