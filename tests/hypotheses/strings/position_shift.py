def shift_char(c, i):
    return chr(ord(c) + i)

def f(s):
    # each character moves forward by its index
    out = ""
    for i, c in enumerate(s):
        out += shift_char(c, i)
    return out
