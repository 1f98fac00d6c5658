import numpy as np

THRESHOLD = 1e-3
SCALE = 2.5e+2
LIMIT = 1_000_000
MASK = 0xFF
FLAGS = 0o17 | 0b1010
HALF = .5
ONE = 1.
EPS = 2.220446049250313e-16
BIG = 1e308 * 10
TAU = 2 * np.pi


def f(x):
    if abs(x) < THRESHOLD:
        return 0.0
    return SCALE * np.tanh(x / SCALE) + (LIMIT & MASK) * HALF * ONE
