def f(x):
    return x // 4 + x % 3
