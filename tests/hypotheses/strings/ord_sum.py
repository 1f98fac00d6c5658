def f(s):
    """Checksum: sum of code points modulo 97, as a string."""
    total = sum(ord(c) for c in s)
    checksum = total % 97
    return str(checksum)
