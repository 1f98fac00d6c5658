def f(x):
    totals = {}
    for k in range(5):
        key = k % 3
        totals[key] = totals.get(key, 0) + x * k
    total = 0.0
    for key, value in totals.items():
        total += key * value
    return total
