def f(x):
    return max(min(x, 10), -10) + min(x * 2, 3.5, x + 1)
