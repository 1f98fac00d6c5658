import math

def f(x):
    if x < -100:
        y = -1.0
    elif x < -10:
        y = math.log(-x)
    elif x < 10:
        y = x ** 2 / 10
    elif x < 100:
        y = math.sqrt(x)
    else:
        y = 1.0
    return y
