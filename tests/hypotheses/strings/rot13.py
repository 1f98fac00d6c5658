def rot13_char(c):
    if "a" <= c <= "z":
        return chr((ord(c) - ord("a") + 13) % 26 + ord("a"))
    if "A" <= c <= "Z":
        return chr((ord(c) - ord("A") + 13) % 26 + ord("A"))
    return c

def f(s):
    return "".join(rot13_char(c) for c in s)
