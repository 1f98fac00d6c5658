def f(s):
    # shift every letter back by 2, wrapping (Python's % keeps it positive)
    out = ""
    for c in s:
        if c.islower():
            out += chr((ord(c) - 97 - 2) % 26 + 97)
        elif c.isupper():
            out += chr((ord(c) - 65 - 2) % 26 + 65)
        else:
            out += c
    return out
