VOWELS = "aeiou"

def f(s):
    out = ""
    for c in s:
        if c in VOWELS:
            out += VOWELS[(VOWELS.index(c) + 1) % 5]
        else:
            out += c
    return out
