def f(s):
    words = s.split()
    first = words[0] if words else ""
    last = words[-1] if words else ""
    return f"{len(words)} words, first={first}, last={last}"
