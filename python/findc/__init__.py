"""findc: compile interpretability-benchmark functions once, evaluate them at native speed.

    import findc, numpy as np
    suite = findc.load("examples/find-v1-numeric.fnd")   # or findc.compile(source)
    f = suite["f00123"]
    f.metadata                       # signature, description, domain, noise, ...
    y = f(np.arange(-128, 128) + 0.5)                # float64 in and out, noise seed 0
    y = f(x, clean=True)                             # without noise and corruption
    y = f(x, seed=7, first_query=256)                # FIND's noise is drawn per query
    y, errors = f(x, errors=True)                    # error names (None where none)
    agent = f.session(seed=7); agent(x); agent.next_query
    findc.stdlib()["reverse_string"](["abc", "é"])   # strings in and out

Numbers go in as anything NumPy turns into float64 (no copy for a contiguous
float64 array) and come out as a float64 array of the same shape; NaN where an
evaluation failed (the error is in `errors=True`'s second array). Strings,
lists and maps go in as Python objects (a list is a list of inputs) and come
out as Python objects, None where an evaluation failed. Evaluation releases
the GIL. A source that does not compile raises findc.CompileError with every
located diagnostic; a bad input or name raises findc.InputError (a
ValueError). See docs/python.md.
"""

from ._findc import CompileError, Function, InputError, Session, Suite, __version__, compile, load, stdlib

__all__ = ["CompileError", "Function", "InputError", "Session", "Suite", "__version__", "compile", "load", "stdlib"]
