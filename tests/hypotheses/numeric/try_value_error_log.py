import math

def f(x):
    """log-shaped for positive inputs, flat (-5) elsewhere."""
    try:
        y = math.log(x)
    except ValueError:
        y = -5.0
    return 1.5 * y + 2
