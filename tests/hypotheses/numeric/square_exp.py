import numpy as np

def f(x):
    # zero at the origin, peaks near |x| = 50, then decays
    rise = np.square(x / 10)
    decay = np.exp(-np.abs(x) / 25)
    return rise * decay
