import math

def f(x):
    return 3.1 * math.sqrt(x) - 2
