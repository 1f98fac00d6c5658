def f(s):
    upper = sum(1 for c in s if c.isupper())
    return f"len={len(s)} upper={upper} ratio={upper / max(len(s), 1)}"
