def f(s):
    n = len(s)
    return s[n // 4: n - n // 4]
