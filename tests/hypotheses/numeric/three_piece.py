import numpy as np

def f(x):
    # three regimes found by probing
    if x < -10:
        return np.sin(x) * 3.2
    elif x <= 10:
        return np.exp(x / 10.0) - 1
    return 0.75 * x - 4.0
