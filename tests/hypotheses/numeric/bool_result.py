def f(x):
    return x > 3.5 and x < 80
