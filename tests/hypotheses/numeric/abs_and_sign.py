import numpy as np

def f(x):
    return np.sign(x) * np.abs(x) ** 0.5
