def f(s):
    words = s.split()
    return str(len(words))
