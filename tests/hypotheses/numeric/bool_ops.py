def f(x):
    small = abs(x) < 3
    if small and x != 0:
        return 1.0 / x
    if not small or x == 0:
        return x / 3
    return 0.0
