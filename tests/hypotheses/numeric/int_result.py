def f(x):
    return 3 if x > 1 else -2
