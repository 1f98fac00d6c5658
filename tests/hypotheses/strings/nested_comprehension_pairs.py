def f(s):
    letters = [c for c in s.lower() if c.isalpha()]
    pairs = [a + b for a in letters[:4] if a != "e" for b in letters[-3:] if a < b]
    return "-".join(pairs)
