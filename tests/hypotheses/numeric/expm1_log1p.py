import math

def f(x):
    if x < 0:
        return math.expm1(x / 10)
    return math.log1p(x) * 2
