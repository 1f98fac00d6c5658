def f(s):
    out = ""
    for ch in s:
        if ch.isdigit():
            continue
        if ch == " ":
            out += "_"
            continue
        out += ch
    return out
