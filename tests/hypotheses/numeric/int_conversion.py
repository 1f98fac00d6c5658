import math

def f(x):
    n = int(x)
    return n * 2 + math.floor(x) - math.ceil(x)
