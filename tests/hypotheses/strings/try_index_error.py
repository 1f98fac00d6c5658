def f(s):
    try:
        return s[5] + s[0]
    except IndexError:
        return "short"
