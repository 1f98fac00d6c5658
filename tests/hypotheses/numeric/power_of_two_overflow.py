def f(x):
    # exponential growth: 2 ** x overflows past x = 1024
    fast = 2.0 ** x
    slow = 10 ** (x / 40)
    return fast - slow
