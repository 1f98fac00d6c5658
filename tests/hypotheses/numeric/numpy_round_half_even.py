import numpy as np

def f(x):
    # np.round rounds half to even, like Python's round
    return np.round(x / 3) + np.rint(x / 4) * 0.5
