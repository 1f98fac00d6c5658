def f(s):
    out = []
    for c in s:
        if c.isupper():
            out.append(c.lower())
        elif c.islower():
            out.append(c.upper())
        else:
            out.append(c)
    return "".join(out)
