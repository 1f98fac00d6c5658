def f(x):
    if x > 0:
        if x > 50:
            return 100.0
        else:
            return x * 2
    else:
        if x < -50:
            return -100.0
        return x / 2
