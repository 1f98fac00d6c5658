import numpy as np

def f(x):
    # np.where computes both branches first: x ** 3 overflows for huge x
    return np.where(x < 0, -x, x ** 3 / 1000)
