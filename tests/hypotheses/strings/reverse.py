def f(s):
    return s[::-1]
