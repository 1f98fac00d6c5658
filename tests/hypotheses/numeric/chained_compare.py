def f(x):
    if -20 < x <= 20:
        return x * x
    return 400.0
