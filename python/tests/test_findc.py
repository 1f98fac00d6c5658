"""The Python module against the findc CLI: the same suite, the same bits.

Run by ctest (python/CMakeLists.txt) with PYTHONPATH=build/python and
FINDC (the CLI) and FINDC_EXAMPLES (examples/) in the environment.
"""
import json
import math
import os
import subprocess
import threading
import time

import numpy as np
import pytest

import findc

FINDC = os.environ.get("FINDC", "findc")
EXAMPLES = os.environ.get("FINDC_EXAMPLES", os.path.join(os.path.dirname(__file__), "..", "..", "examples"))
FIND_GRID = np.arange(-128, 128) + 0.5


def example(name):
    return os.path.join(EXAMPLES, name)


def cli(*args):
    run = subprocess.run([FINDC, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    return run.stdout.decode()


def cli_json(*args):
    # parse_int=float: "-0" is the float -0.0, not the int 0.
    return [json.loads(line, parse_int=float) for line in cli(*args).splitlines()]


def same_bits(a, b):
    """Equal to the last bit, NaN equal to NaN."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape or not np.array_equal(np.isnan(a), np.isnan(b)):
        return False
    return a[~np.isnan(a)].tobytes() == b[~np.isnan(b)].tobytes()


def equals_json(got, outputs):
    """got (float64) against JSON outputs, where null stands for any non-finite number."""
    got = np.asarray(got, dtype=np.float64)
    null = np.array([v is None for v in outputs])
    if got.shape != null.shape or not np.array_equal(~np.isfinite(got), null):
        return False
    return same_bits(got[~null], [v for v in outputs if v is not None])


def equals_complex_json(got, outputs):
    """Python floats and complex numbers against JSON numbers and {"re", "im"} objects."""
    if len(got) != len(outputs):
        return False
    for value, output in zip(got, outputs):
        if isinstance(output, dict):
            if not isinstance(value, complex) or not same_bits([value.real, value.imag], [output["re"], output["im"]]):
                return False
        elif isinstance(value, complex) or not equals_json([value], [output]):
            return False
    return True


@pytest.fixture(scope="module")
def find_v1():
    suite = findc.load(example("find-v1-numeric.fnd"))
    suite.compile_all()
    return suite


@pytest.fixture(scope="module")
def stdlib():
    return findc.stdlib()


def test_load_names_and_metadata_match_list_json():
    suite = findc.load(example("bump_on_ramp.fnd"))
    listed = json.loads(cli("list", example("bump_on_ramp.fnd"), "--json"))["functions"]
    assert suite.names() == [f["name"] for f in listed]
    assert len(suite) == len(listed) and list(suite) == suite.names()
    for entry in listed:
        assert suite[entry["name"]].metadata == entry
    assert "relu" in suite and "nope" not in suite


@pytest.mark.parametrize("engine", ["jit", "interp"])
def test_numbers_equal_the_cli_bit_for_bit(engine):
    suite = findc.load(example("bump_on_ramp.fnd"), engine=engine)
    for name in suite.names():
        want = cli_json("eval", example("bump_on_ramp.fnd"), "--fn", name, "--find-grid", "--json")[0]
        got = suite[name](FIND_GRID)
        assert got.dtype == np.float64 and got.shape == FIND_GRID.shape
        assert equals_json(got, want["outputs"]), name


def test_all_of_find_v1_equal_the_cli_json(find_v1):
    """All 1,000 FIND v1 functions on FIND's grid, served (noise seed 0) and clean."""
    names = find_v1.names()
    assert len(names) == 1000
    fns = [arg for name in names for arg in ("--fn", name)]
    for flags, kwargs in ((["--seed", "0"], {}), (["--clean"], {"clean": True}), (["--seed", "3"], {"seed": 3})):
        lines = cli_json("eval", example("find-v1-numeric.fnd"), *fns, "--find-grid", "--json", *flags)
        assert [line["fn"] for line in lines] == names
        for line in lines:
            got = find_v1[line["fn"]](FIND_GRID, **kwargs)
            if find_v1[line["fn"]].metadata["result"] == "complex":  # FIND's root: a float or a complex per point
                assert equals_complex_json(got, line["outputs"]), (line["fn"], flags)
            else:
                assert equals_json(got, line["outputs"]), (line["fn"], flags)


def test_effects_seed_first_query_and_sessions(find_v1):
    noisy = next(f for f in find_v1.functions() if (f.metadata.get("noise") or {}).get("kind") == "normal")
    x = np.linspace(-50, 50, 100)
    served = noisy(x)
    assert not same_bits(served, noisy(x, clean=True))
    assert same_bits(served, noisy(x, seed=0, first_query=0))
    assert not same_bits(served, noisy(x, seed=1))
    # The second half of a run is the run from its first query on.
    assert same_bits(served[50:], noisy(x[50:], first_query=50))
    # A session numbers its queries across calls.
    agent = noisy.session(seed=0)
    assert agent.seed == 0 and agent.next_query == 0
    first, second = agent(x[:30]), agent(x[30:])
    assert agent.next_query == 100
    assert same_bits(np.concatenate([first, second]), served)
    # The CLI agrees: --first-query continues a sequence.
    # (The CLI draws a fresh seed per process unless given one; the module's default is 0.)
    want = cli_json("eval", example("find-v1-numeric.fnd"), "--fn", noisy.name, "--json", "--seed", "0", "--first-query", "30",
                    "--", *[repr(v) for v in x[30:]])[0]
    assert equals_json(second, want["outputs"]) and want["seed"] == 0


def test_shapes_scalars_lists_and_no_copy():
    f = findc.load(example("bump_on_ramp.fnd"))["bump_on_ramp"]
    grid = FIND_GRID.reshape(16, 16)
    out = f(grid)
    assert out.shape == (16, 16) and same_bits(out.ravel(), f(FIND_GRID))
    assert isinstance(f(0.5), float) and f(0.5) == f(np.array([0.5]))[0]
    assert same_bits(f([0.5, 1]), f(np.array([0.5, 1.0])))
    assert same_bits(f(np.arange(3, dtype=np.int32)), f(np.arange(3.0)))
    before = grid.copy()
    f(grid)
    assert np.array_equal(before, grid)
    # out=: the numbers go into the caller's array, which is returned.
    y = np.empty(256)
    assert f(FIND_GRID, out=y) is y and same_bits(y, f(FIND_GRID))
    with pytest.raises(findc.InputError, match="out must be"):
        f(FIND_GRID, out=np.empty(3))
    with pytest.raises(findc.InputError, match="out must be"):
        f(FIND_GRID, out=np.empty(256, dtype=np.float32))
    # Strided and non-contiguous input is converted, not misread.
    assert same_bits(f(FIND_GRID[::2]), f(np.ascontiguousarray(FIND_GRID[::2])))


def test_strings_and_errors(stdlib):
    reverse = stdlib["reverse_string"]
    assert reverse(["abc", "é", ""]) == ["cba", "é", ""]
    assert reverse("straße") == "eßarts"
    first = stdlib["get_first_character"]
    assert first(["abc", ""], errors=True) == (["a", None], [None, "IndexError"])
    objects = np.array(["ab", ""], dtype=object)
    values, errors = first(objects, errors=True)
    assert isinstance(values, np.ndarray) and list(values) == ["a", None] and list(errors) == [None, "IndexError"]
    caesar = stdlib["add_number_to_string"]
    want = cli("call", "--stdlib", "--fn", "add_number_to_string", "--params", "[3]", "Hello")
    assert want == "Function input - output pairs: (Hello, %s) \n" % caesar("Hello", params=[3])


def test_numeric_errors_are_nan_with_names():
    suite = findc.compile("def pick(i: int) -> real {\n  let s = \"abc\"\n  return real(ord(s[i]))\n}\n")
    y, errors = suite["pick"](np.array([0, 1, 5, -1]), errors=True)
    assert y[0] == 97 and y[1] == 98 and math.isnan(y[2]) and y[3] == 99
    assert list(errors) == [None, None, "IndexError", None]


def test_diagnostics_and_bad_inputs():
    with pytest.raises(findc.CompileError) as error:
        findc.compile("def f(x: real) -> real = x +\n", name="broken.fnd")
    assert str(error.value).startswith("broken.fnd:1:")
    assert "^" in str(error.value)
    with pytest.raises(findc.CompileError, match="cannot read"):
        findc.load(example("no-such-file.fnd"))
    suite = findc.load(example("bump_on_ramp.fnd"))
    with pytest.raises(findc.InputError, match="did you mean 'relu'"):
        suite["rel"]
    with pytest.raises(ValueError):  # InputError is a ValueError
        findc.compile("def half(n: int) -> int = n // 2")["half"](np.array([1.5]))
    with pytest.raises(findc.InputError, match="engine"):
        findc.load(example("bump_on_ramp.fnd"), engine="gpu")
    with pytest.raises(findc.InputError, match="math must be 'exact', 'vector' or 'fast', got 'fastest'"):
        findc.load(example("bump_on_ramp.fnd"), math="fastest")


@pytest.mark.parametrize("math_mode", ["vector", "fast"])
def test_math_modes_equal_the_cli_bit_for_bit(math_mode):
    """The module's vector and fast math are the CLI's, on the same machine."""
    path = example("polynomial.fnd")
    suite = findc.load(path, math=math_mode)
    for name in suite.names():
        want = cli_json("eval", path, "--fn", name, "--math", math_mode, "--find-grid", "--json")[0]
        assert equals_json(suite[name](FIND_GRID), want["outputs"]), name


def test_fast_math_reassociates():
    """Fast math evaluates a polynomial in Horner's form: close to exact, not the same bits everywhere."""
    source = "def p(x: real) -> real = 0.84 + -1.26*x + 0.37*x**2 + 2.05*x**3 + -0.58*x**4 + 0.11*x**5"
    x = np.linspace(-10, 10, 10001)
    exact = findc.compile(source)["p"](x)
    fast = findc.compile(source, math="fast")["p"](x)
    assert np.allclose(fast, exact, rtol=1e-12, atol=1e-12)
    assert not same_bits(fast, exact)


def test_the_gil_is_released_while_evaluating():
    # One thread: the evaluation on both cores would leave this one none.
    f = findc.load(example("bump_on_ramp.fnd"), engine="interp", threads=1)["bump_on_ramp"]
    x = np.linspace(-10, 10, 2_000_000)
    f(x[:10])  # compiled before timing
    done = threading.Event()
    worker = threading.Thread(target=lambda: (f(x), done.set()))
    ticks = 0
    worker.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    worker.join()
    # With the GIL held for the whole evaluation this loop would not run.
    assert ticks >= 10


def test_threads_give_the_same_values_and_errors():
    source = ("import math\n"
              "def f(x):\n"
              "    s = 0.0\n"
              "    for i in range(20):\n"
              "        s += math.exp(-abs(x) / (i + 1))\n"
              "    return math.log(x) + s\n")  # ValueError below 0
    x = np.linspace(-50, 50, 300_001)
    want, want_errors = findc.compile(source, name="h.py", threads=1)["f"](x, errors=True)
    assert want_errors[0] == "ValueError" and want_errors[-1] is None
    for threads in (0, 2, 3):
        y, errors = findc.compile(source, name="h.py", threads=threads)["f"](x, errors=True)
        assert y.tobytes() == want.tobytes() and list(errors) == list(want_errors)
    with pytest.raises(findc.InputError, match="threads"):
        findc.compile(source, name="h.py", threads=-1)


def test_an_artifact_loads_and_equals_its_source(tmp_path, find_v1):
    """`findc build` once; findc.load takes the artifact as a suite: same names, metadata, bits."""
    artifact = str(tmp_path / "find-v1.findo")
    cli("build", example("find-v1-numeric.fnd"), "-o", artifact)
    loaded = findc.load(artifact)
    assert loaded.names() == find_v1.names()
    for name in loaded.names():
        assert loaded[name].metadata == dict(find_v1[name].metadata, description=""), name
        for kwargs in ({}, {"clean": True}, {"seed": 3, "first_query": 7}):
            got, want = loaded[name](FIND_GRID, **kwargs), find_v1[name](FIND_GRID, **kwargs)
            assert got.dtype == want.dtype, (name, kwargs)
            if got.dtype == object:  # a float or a complex per point (FIND's root)
                assert [repr(v) for v in got] == [repr(v) for v in want], (name, kwargs)
            else:
                assert same_bits(got, want), (name, kwargs)
    with pytest.raises(findc.InputError, match="compiled artifact"):
        findc.load(artifact, engine="interp")


def test_values_of_float_arrays_keep_shape_and_python_types():
    """A function of a float whose values are not all floats (x ** 0.5 is complex below 0) on a 2-D float array:
    object arrays of that shape, each item what CPython computes, with its type; an error per point where it raises."""
    source = "def f(x):\n    if x == 1:\n        return 1 / (x - 1)\n    return -10.4 * x ** (1.0 / 2) + 7.6\n"
    namespace = {}
    exec(source, namespace)
    x = np.array([[-4.0, 0.0, 4.0], [1.0, -1.0, 9.0]])
    y, errors = findc.compile(source, name="root.py")["f"](x, errors=True)
    assert y.dtype == object and y.shape == x.shape and errors.shape == x.shape
    for got, error, xi in zip(y.flat, errors.flat, x.flat):
        try:
            want = namespace["f"](float(xi))
        except ZeroDivisionError:
            assert got is None and error == "ZeroDivisionError"
            continue
        assert type(got) is type(want) and repr(got) == repr(want) and error is None
