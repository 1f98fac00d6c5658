import math

def f(x):
    return 1.7 * math.sin(2 * math.pi * x / 12.5) + 0.3
