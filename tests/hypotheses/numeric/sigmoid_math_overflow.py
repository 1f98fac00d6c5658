import math

def f(x):
    # logistic written with math.exp: OverflowError for very negative x
    return 10 / (1 + math.exp(-x / 3))
