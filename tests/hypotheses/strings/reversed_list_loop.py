def f(s):
    out = []
    for w in reversed(s.split()):
        out.append(w.upper())
    return "-".join(out)
