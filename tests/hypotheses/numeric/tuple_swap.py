def f(x):
    a, b = x, 2 * x
    a, b = b, a + b
    return a - b
