def f(x):
    thresholds = [-60, -20, 5, 30, 90]
    return sum(1 for t in thresholds if x > t) * 2.5
