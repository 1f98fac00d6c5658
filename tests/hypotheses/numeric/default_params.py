import math

def f(x, a=2.0, b=-1):
    return a * math.cos(x) + b
