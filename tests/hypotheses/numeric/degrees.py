import math

def f(x):
    return math.sin(math.radians(x)) + math.degrees(0.01 * x)
