import numpy as np

def f(x):
    # ReLU-like rise with a cap, plus a floor on the negative side
    return np.minimum(np.maximum(0.0, x - 4), 30.0) + np.maximum(-5.0, 0.1 * x)
