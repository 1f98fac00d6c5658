import numpy as np

sigmoid = lambda z: 1 / (1 + np.exp(-z))

def f(x):
    g = lambda t: 2 * t - 1
    return g(sigmoid(x / 5)) * 4
