import numpy as np

def f(x):
    # numpy: nan for negative inputs, -inf at zero (no exception)
    return np.log(x) + np.log10(x + 1) / 2
