def f(x):
    y = x ** 0.5
    # a negative input gives a complex root: use its magnitude then
    if isinstance(y, complex):
        return -abs(y)
    return y
