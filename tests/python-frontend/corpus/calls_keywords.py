import numpy as np


def f(x):
    a = np.clip(x, -1.0, 1.0)
    b = np.linspace(0, 1, num=5, endpoint=False)
    c = round(x, ndigits=2)
    d = max(1, 2, key=lambda v: -v)
    e = np.array([1, 2, 3],)
    print("value:", a, sep=" ", end="\n")
    return a, b, c, d, e
