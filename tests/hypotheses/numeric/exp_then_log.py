import math

def f(x):
    y = math.exp(x / 100)
    return math.log(y - 1)
