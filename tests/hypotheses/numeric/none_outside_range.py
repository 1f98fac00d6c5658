import math

def f(x):
    if -50 <= x <= 50:
        return math.cos(x / 8) * 3
    elif x > 50:
        return 0.0
    # below -50: no return (None)
