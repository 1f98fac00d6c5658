import numpy as np


def f(x):
    """Piecewise: a parabola left of zero, a damped sine to the right."""
    if x < 0:
        return 0.5 * x**2 - 1.0
    elif x < np.pi:
        return np.exp(-0.1 * x) * np.sin(x)
    else:
        return -np.log1p(x - np.pi)


if __name__ == "__main__":
    for x in [-2.0, -0.5, 0.0, 1.0, 3.5, 10.0]:
        print(x, f(x))
