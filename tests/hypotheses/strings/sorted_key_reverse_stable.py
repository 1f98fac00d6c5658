def f(s):
    words = s.lower().split()
    by_length = sorted(words, key=len, reverse=True)   # ties keep their order
    by_last = sorted(words, key=lambda w: w[::-1])
    return " ".join(by_length) + " / " + " ".join(by_last)
