def f(s):
    # fails on strings shorter than 6, as Python does
    return s[5] * 2
