def f(x):
    # for huge x, x * x - x * x is nan; max keeps Python's argument order
    d = x * x - x * x
    upper = max(x / 100, d)
    lower = min(d, 1.0)
    return upper + lower
