def f(s):
    words = s.split()
    out = []
    for w in words:
        out.append(w[::-1])
    return " ".join(out)
