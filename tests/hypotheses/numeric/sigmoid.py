import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

def f(x):
    return 4 * sigmoid(0.3 * (x - 2)) - 1
