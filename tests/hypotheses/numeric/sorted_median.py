def f(x):
    # the output looked like the median of three linear pieces
    a = 2 * x + 1
    b = -x + 4
    c = 0.5 * x
    return sorted([a, b, c])[1]
