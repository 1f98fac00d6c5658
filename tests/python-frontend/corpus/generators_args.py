def f(xs):
    a = sum(x * x for x in xs)
    b = max((x for x in xs if x > 0), default=0)
    c = any(x < 0 for x in xs)
    d = list(str(x) for x in xs)
    e = dict(zip("ab", [1, 2]))
    return a, b, c, d, e
