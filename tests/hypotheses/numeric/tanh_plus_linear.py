import numpy as np

def f(x):
    # a linear trend with a smooth jump of height 6 around x = 15
    return 0.08 * x + 3 * np.tanh((x - 15) / 2.5) - 1
