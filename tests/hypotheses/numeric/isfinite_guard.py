import math

def f(x):
    y = x * x * 1e-3
    if not math.isfinite(y):
        return -1.0
    return math.fabs(y - 40) / 2
