import numpy as np

def f(x):
    # np.cbrt is real for negative x, unlike x ** (1/3)
    return 2 * np.cbrt(x) - np.cbrt(x / 8)
