import math

def f(x):
    # math.pow raises ValueError for a negative base with a fractional exponent
    return math.pow(x, 1.5) / 100 + math.pow(2, x / 20)
