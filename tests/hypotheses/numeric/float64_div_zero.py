import numpy as np

def f(x):
    v = np.float64(x)
    # float64 division follows IEEE: inf or nan instead of ZeroDivisionError
    return v / (x - x) + 1 / v
