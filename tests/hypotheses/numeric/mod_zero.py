def f(x):
    return 10.0 % (x - 2)
