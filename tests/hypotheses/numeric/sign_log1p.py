import numpy as np

def f(x):
    """Odd, grows like a logarithm on both sides."""
    return np.sign(x) * np.log1p(np.abs(x)) * 1.8
