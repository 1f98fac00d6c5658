def f(s):
    # digits shift by one (9 wraps to 0), letters are kept
    out = ""
    for c in s:
        if c.isdigit():
            out += str((ord(c) - 48 + 1) % 10)
        else:
            out += c
    return out
