import numpy as np

AMPLITUDE = 1.5

def f(x):
    # square wave: the sign of a slow sine
    return AMPLITUDE * np.sign(np.sin(x / 6))
