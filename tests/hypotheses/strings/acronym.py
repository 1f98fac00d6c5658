def f(s):
    words = s.split()
    if len(words) == 0:
        return "?"
    return "".join(w[0].upper() for w in words)
