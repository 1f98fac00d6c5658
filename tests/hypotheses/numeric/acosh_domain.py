import math

def f(x):
    """Grows like log(2x) for large x; the probes below 1 gave errors,
    which matches acosh's domain."""
    return math.acosh(x) + math.asinh(x) / 3
