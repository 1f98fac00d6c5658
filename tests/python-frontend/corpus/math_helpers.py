import math
from math import sqrt, exp as e


def _sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


def f(x, a=2.0, b=-1):
    # logistic bump around b, scaled by a
    return a * _sigmoid(x - b) * (1 - _sigmoid(x - b)) + sqrt(abs(x)) / e(1)
