def f(s):
    """First letter upper-cased, or 'empty'."""
    # and/or return an operand, as in Python
    first = s and s[0].upper()
    return first or "empty"
