import math

def f(x):
    # log(x + 20): ValueError for x <= -20
    return 2.5 * math.log(x + 20) - 1
