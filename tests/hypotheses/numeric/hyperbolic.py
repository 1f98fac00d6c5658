import math

def f(x):
    return math.sinh(x / 20) - math.cosh(x / 30) + math.tanh(x)
