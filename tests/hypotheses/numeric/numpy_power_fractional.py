import numpy as np

def f(x):
    # NumPy returns nan (no error) for negative bases
    return 0.01 * np.power(x, 1.5) + 2
