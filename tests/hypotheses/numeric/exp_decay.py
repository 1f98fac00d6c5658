import math

def f(x):
    if x < 0:
        return 0
    return 5 * math.exp(-0.2 * x)
