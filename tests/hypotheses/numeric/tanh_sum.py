import numpy as np

def f(x):
    # sum of two smooth steps at -30 and 40
    return np.tanh((x + 30) / 8) + 2 * np.tanh((x - 40) / 5)
