def f(s):
    # keep the first occurrence of each character
    seen = ""
    for c in s:
        if c not in seen:
            seen += c
    return seen
