def rev(s):
    if len(s) <= 1:
        return s
    return rev(s[1:]) + s[0]


def f(s):
    words = s.split()
    if not words:
        return rev(s)
    return " ".join(rev(w) for w in words)
