import numpy as np

def f(x):
    y = np.clip(x, -3, 3)
    return np.where(x > 0, y * 2, y - 1)
