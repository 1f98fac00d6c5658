def f(a, b, c):
    x = a and b or c
    y = a or b and c
    z = not a or not b and not c
    w = (a or b) and (b or c) and (c or a)
    return x, y, z, w, True, False, None
