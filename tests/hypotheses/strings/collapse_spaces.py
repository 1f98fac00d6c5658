def f(s):
    out = ""
    prev_space = False
    for c in s:
        if c.isspace():
            if not prev_space:
                out += " "
            prev_space = True
            continue
        out += c
        prev_space = False
    return out
