def f(s):
    for i, c in enumerate(s):
        if c.isupper():
            return i
    return -1
