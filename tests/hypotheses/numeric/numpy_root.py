import numpy as np

def f(x):
    return 3.1 * np.sqrt(x) - 2
