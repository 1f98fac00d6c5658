ALPHABET = "abcdefghijklmnopqrstuvwxyz"
SHIFT = 5

def f(s):
    result = ""
    for ch in s.lower():
        pos = ALPHABET.find(ch)
        if pos == -1:
            result += ch
        else:
            result += ALPHABET[(pos + SHIFT) % 26]
    return result
