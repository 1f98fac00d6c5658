def shift(c, k):
    if c.isalpha() and c.islower():
        return chr((ord(c) - ord('a') + k) % 26 + ord('a'))
    return c

def function(s):
    out = ""
    for c in s:
        out += shift(c, 3)
    return out
