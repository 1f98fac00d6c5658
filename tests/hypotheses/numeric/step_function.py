def f(x):
    if x > 5:
        return 1
    elif x < -5:
        return -1
    return 0
