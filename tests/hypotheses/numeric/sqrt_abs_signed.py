import math

def f(x):
    if x >= 0:
        return math.sqrt(x)
    return -math.sqrt(-x)
