def f(s):
    if all(c.isalpha() for c in s):
        return "letters"
    if any(c.isdigit() for c in s):
        return "has digits"
    return "mixed"
