def f(s):
    return s[len(s) // 2]
