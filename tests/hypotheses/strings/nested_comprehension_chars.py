def f(s):
    # each word reversed, letters only, concatenated
    return "".join(c for w in s.split() for c in w[::-1] if c.isalpha())
