def f(s):
    n = len(s)
    if n > 5:
        n = 5
    return s[:2] * n
