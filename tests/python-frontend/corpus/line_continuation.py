import numpy as np


def f(x):
    y = 3.0 * x ** 3 \
        - 2.0 * x ** 2 \
        + x - 7.0
    z = (np.sin(x) +
         np.cos(x) *
         np.tan(x / 4))
    values = [
        1, 2,
        3,  # trailing comment
    ]
    return y + z + sum(values) + \
        0
