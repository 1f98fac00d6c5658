import numpy as np

def f(x):
    # step at 0 (value 0.5 exactly at the step), then a ramp
    return 4.0 * np.heaviside(x, 0.5) + 0.25 * x * np.heaviside(x - 20, 1.0)
