def f(s):
    """True when s reads the same backwards, ignoring case, spaces and punctuation."""
    cleaned = "".join(c.lower() for c in s if c.isalpha() or c.isdigit())
    backwards = cleaned[::-1]
    return cleaned == backwards
