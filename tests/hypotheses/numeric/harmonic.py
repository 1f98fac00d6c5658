def f(x):
    total = 0.0
    n = 1
    while n <= 20:
        total += 1.0 / (x + n)
        n += 1
    return total
