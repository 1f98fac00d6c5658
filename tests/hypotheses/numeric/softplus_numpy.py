import numpy as np

def f(x):
    # softplus; np.exp overflows to inf without raising
    return np.log(1 + np.exp(x / 4)) * 2
