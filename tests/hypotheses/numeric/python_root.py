def f(x):
    # a square root written as a power: complex for x < 0
    return -10.4 * x ** (1.0 / 2) + 7.6
