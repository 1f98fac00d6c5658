def f(x):
    return 0.002 * x**3 - 0.5 * x**2 + x - 7
