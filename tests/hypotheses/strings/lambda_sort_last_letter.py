def f(s):
    words = s.split()
    ordered = sorted(words, key=lambda w: w[-1])
    return ",".join(ordered)
