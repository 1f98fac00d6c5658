import numpy as np

K = 50.0
R = 0.15
X0 = 10.0

def f(x):
    """Logistic growth with capacity K, rate R, midpoint X0."""
    return K / (1 + np.exp(-R * (x - X0)))
