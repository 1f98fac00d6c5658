SWAPS = {"a": "e", "e": "a", "o": "u", "u": "o"}

def f(s):
    out = ""
    for c in s:
        if c in SWAPS:
            out += SWAPS[c]
        else:
            out += c
    return out
