SHIFT = 3


def shift_char(c, k=SHIFT):
    if c.isupper():
        return chr((ord(c) - ord('A') + k) % 26 + ord('A'))
    if c.islower():
        return chr((ord(c) - ord('a') + k) % 26 + ord('a'))
    return c


def f(s):
    return ''.join([shift_char(c) for c in s])


for word in ("abc", "XYZ", "Hello, World!"):
    print(word, "->", f(word))
