def f(s):
    lengths = [len(w) for w in s.split()]
    return " ".join(str(n) for n in lengths)
