import numpy as np

def f(x):
    # angle of the point (12, x - 5), doubled, plus a small arctan term
    angle = np.arctan2(x - 5, 12.0)
    return angle * 2 + np.arctan(x) / np.pi
