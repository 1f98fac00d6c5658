def f(x):
    return round(x) + round(x / 2)
