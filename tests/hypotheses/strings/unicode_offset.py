OFFSET = 1000

def f(s):
    # every character moves up by a fixed code point offset
    return "".join(chr(ord(c) + OFFSET) for c in s)
