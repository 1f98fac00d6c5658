def f(pairs):
    a, b = 0, 1
    (c, d) = [2, 3]
    [e, g] = c, d
    for i, (k, v) in enumerate(pairs):
        a, b = b, a + b + k * v
    x = y = z = 0
    return a, b, x + y + z
