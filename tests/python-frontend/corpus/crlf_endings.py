def f(x):
    """CRLF line endings."""
    if x > 1:
        return x * 2
    s = """a
b"""
    return x - \
        1

print(f(3))
