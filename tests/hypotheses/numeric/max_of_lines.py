def f(x):
    a = 0.5 * x + 3
    b = -1.5 * x - 1
    c = 2.0
    return max(a, b, c)
