def f(s):
    # walk from the last character backwards in steps of two
    n = len(s)
    picked = "".join(s[i] for i in range(n - 1, -1, -2))
    return picked
