def f(s):
    upper = sum(1 for c in s if c.isupper())
    lower = sum(1 for c in s if c.islower())
    other = len(s) - upper - lower
    return f"U{upper}L{lower}O{other}"
