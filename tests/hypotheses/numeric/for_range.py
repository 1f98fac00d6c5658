def f(x):
    acc = 1.0
    for i in range(1, 6):
        acc = acc * 0.5 + x / i
    return acc
