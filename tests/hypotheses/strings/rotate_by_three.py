def f(s):
    # rotate left by 3, wrapping for short strings
    # the modulo raises ZeroDivisionError on ""
    k = 3 % len(s)
    return s[k:] + s[:k]
