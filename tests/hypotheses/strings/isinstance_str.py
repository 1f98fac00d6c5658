def f(s):
    if not isinstance(s, str):
        return ""
    return s[::-1] + str(len(s))
