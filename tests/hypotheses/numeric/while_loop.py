def f(x):
    total = 0.0
    k = 0
    while k < 5:
        total += x / (k + 1)
        k += 1
    return total
