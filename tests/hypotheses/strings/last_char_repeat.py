def f(s):
    if not s:
        return ""
    return s + s[-1] * 3
