def f(s):
    # ValueError from min() on an empty string, as in Python
    lo = min(c for c in s)
    hi = max(c for c in s)
    return lo + hi
