import math

def f(x):
    return 45 * math.sin(x / 10)
