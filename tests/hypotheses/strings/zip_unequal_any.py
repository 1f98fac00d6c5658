def f(s):
    vowels = "aeiou"
    if any(a == b for a, b in zip(s, vowels)):
        return s[::-1]
    return "".join(b + a for a, b in zip(s, s[1:]))
