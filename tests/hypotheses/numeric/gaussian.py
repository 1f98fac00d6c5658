import numpy as np

def f(x):
    return 3 * np.exp(-((x - 1.5) ** 2) / (2 * 4.0 ** 2))
