import math

def f(x):
    # errors seen at x <= 0 and x == 1 in the probes
    try:
        return 3 / math.log(x)
    except (ValueError, ZeroDivisionError):
        return 0.0
