import math

def helper(x):
    if x < 0:
        return math.sqrt(x)
    return 1.0 / (x - 2)

def f(x):
    return helper(x) * 2
