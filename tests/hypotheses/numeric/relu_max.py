def f(x):
    return max(0, x) * 1.7 - 3
