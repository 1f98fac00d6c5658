import math

def f(x):
    return math.log(x, 2) + math.log10(abs(x) + 1)
