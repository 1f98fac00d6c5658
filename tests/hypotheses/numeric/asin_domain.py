import math

def f(x):
    # asin only defined on [-1, 1]: ValueError outside |x| <= 100
    return math.asin(x / 100) * 50
