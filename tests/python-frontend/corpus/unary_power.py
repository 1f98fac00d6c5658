def f(x):
    a = -x**2
    b = 2**-1
    c = (-x)**2
    d = x**2**3
    e = -+~x
    g = not x
    h = -x ** -x
    return a, b, c, d, e, g, h
