import math


def f(x):
    sign = 1 if x > 0 else -1 if x < 0 else 0
    mag = abs(x) if not math.isnan(x) else 0.0
    return sign * (mag if mag < 1e6 else math.inf)
