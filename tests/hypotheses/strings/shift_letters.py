def f(text):
    shifted = ""
    for c in text:
        if "a" <= c <= "z":
            shifted += chr((ord(c) - 97 + 1) % 26 + 97)
        elif "A" <= c <= "Z":
            shifted += chr((ord(c) - 65 + 1) % 26 + 65)
        else:
            shifted += c
    return shifted
