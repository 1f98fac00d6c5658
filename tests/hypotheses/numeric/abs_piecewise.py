def f(x):
    y = abs(x) - 10
    if y < 0:
        y = -y / 2
    return y
