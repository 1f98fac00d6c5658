def f(x, lo=0, hi=10):
    if lo <= x < hi:
        return 1
    if x is None or x is not x:
        return 0
    if 'a' in str(x) and 'b' not in str(x):
        return 2
    return 1 if lo < x <= hi != 3 >= 2 > 1 == 1 else -1
