import math

def f(x):
    y = math.log(abs(x) + 1e-9)
    if math.isnan(y) or math.isinf(y):
        return 0.0
    return y
