def f(x):
    n = 0
    v = abs(x)
    while True:
        if v < 1:
            break
        v = v / 3
        n += 1
    return n + v
