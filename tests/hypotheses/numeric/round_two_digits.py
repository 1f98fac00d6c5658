import math

def f(x):
    # the black box's outputs had two decimals
    return round(math.sin(x / 10) * 3, 2)
