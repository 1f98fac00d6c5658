def f(s):
    words = s.split()
    return " ".join(reversed(words))
