def f(s):
    best = None
    for c in s:
        if c.isalpha() and (best is None or c.lower() > best):
            best = c.lower()
    if best is None:
        return "none"
    return best * 2
