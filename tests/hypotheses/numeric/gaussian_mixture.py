import numpy as np

def gauss(x, mu, sigma):
    return np.exp(-0.5 * ((x - mu) / sigma) ** 2)

def f(x):
    # two bumps: a tall one near -20 and a wide one near 35
    return 5.0 * gauss(x, -20, 6) + 2.5 * gauss(x, 35, 15)
