import math

def f(x):
    # sinc without a guard: ZeroDivisionError at 0
    return 4 * math.sin(x) / x
