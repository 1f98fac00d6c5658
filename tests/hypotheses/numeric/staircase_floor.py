import numpy as np

STEP = 5

def f(x):
    # staircase: flat over every interval of width 5
    return np.floor(x / STEP) * STEP * 0.5
