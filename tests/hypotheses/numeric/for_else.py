def f(x):
    for k in range(5):
        if k * 10 > x:
            break
    else:
        return -1.0
    return k * 1.5
