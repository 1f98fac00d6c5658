import numpy as np

PERIOD = 7.0

def f(x):
    return 2.4 * np.sin(2 * np.pi * x / PERIOD) - 0.6 * np.cos(np.pi * x / PERIOD)
