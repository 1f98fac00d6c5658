# findc: int64 (math.trunc(1e200 / 9) is a big int in CPython; OverflowError in findc)
import numpy as np
import math

def f(x):
    # truncation toward zero, compared with flooring
    return np.trunc(x / 6) - math.trunc(x / 9) + np.floor(x / 6) / 2
