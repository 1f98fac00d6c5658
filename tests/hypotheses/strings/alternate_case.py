def f(s):
    out = ""
    i = 0
    for ch in s:
        if i % 2 == 0:
            out += ch.upper()
        else:
            out += ch.lower()
        i += 1
    return out
