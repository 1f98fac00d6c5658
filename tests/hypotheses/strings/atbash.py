def f(s):
    out = ""
    for c in s:
        if c.islower() and c.isalpha() and ord(c) < 128:
            out += chr(ord("a") + ord("z") - ord(c))
        else:
            out += c
    return out
