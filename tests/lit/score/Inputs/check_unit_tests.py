"""Checks a numeric unit_test_data.json against the export's clean functions.

usage: check_unit_tests.py UNIT_TESTS EXPORT_DIR

For function i (EXPORT_DIR/fNNNNN/clean_function_code.py, imported as FIND's
scorer imports modules), every vector must hold exactly one pair that is an
execution, str(function(float(input))) == output, at the correct index, and
three distinct inputs.
"""
import importlib.util
import json
import sys
from pathlib import Path

tests = json.loads(Path(sys.argv[1]).read_text())
export = Path(sys.argv[2])
vectors = 0
for i, entry in enumerate(tests):
    spec = importlib.util.spec_from_file_location(f"clean{i}", export / f"f{i:05d}" / "clean_function_code.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for v, (inputs, outputs) in enumerate(entry["test_vec"]):
        executions = [k for k in range(3) if str(module.function(float(inputs[k]))) == outputs[k]]
        assert executions == [entry["correct_inx"][v] - 1], (i, v, inputs, outputs, executions)
        assert len(set(inputs)) == 3, (i, v, inputs)
        vectors += 1
print(f"{len(tests)} functions, {vectors} vectors: one execution each, inputs distinct")
