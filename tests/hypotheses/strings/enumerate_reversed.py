def f(s):
    out = ""
    for i, c in enumerate(s):
        if i % 2 == 1:
            continue
        out += c.upper()
    back = ""
    for c in reversed(s):
        back += c
    return out + "|" + back + "|" + str(i if s else -1)
