def f(s):
    # the largest code point, and whether everything is ASCII
    if len(s) == 0:
        return "empty"
    top = max(ord(c) for c in s)
    return f"{top} ascii={top < 128}"
