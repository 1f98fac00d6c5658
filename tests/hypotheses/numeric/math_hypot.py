import math

def f(x):
    """Distance from (x, 0) to the point (3, 4)."""
    return math.hypot(x - 3, 4) - math.hypot(x, 1e300)
