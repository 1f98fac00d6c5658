# FINDC DIFFERENCE: np.where(c, 1, 0) with int branches is a NumPy int64 in
# CPython (str() gives "1"), a float in findc (str() gives "1.0"); returned
# directly it only counts as "int as float", but str()/f-strings expose it.
import numpy as np

def f(x):
    side = np.where(x > 0, 1, 0)
    label = f"{side}"
    return len(label) + x / 100
