import math

def f(x):
    if x > 700:
        return math.inf
    if x < -700:
        return 0.0
    return math.exp(x) - math.e
