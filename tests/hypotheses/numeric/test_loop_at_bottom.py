import numpy as np

def f(x):
    return np.sin(x / 3) * 5

for value in [-2, 0, 2]:
    print(value, f(value))
