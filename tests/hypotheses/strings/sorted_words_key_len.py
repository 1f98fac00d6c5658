def f(s):
    words = s.split()
    return " ".join(sorted(words, key=len))
