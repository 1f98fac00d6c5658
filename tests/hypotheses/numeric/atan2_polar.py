import math

def f(x):
    return math.atan2(x, 10.0) * 180 / math.pi
