def f(s):
    # count positions where a character equals the next one
    doubles = sum(1 for a, b in zip(s, s[1:]) if a == b)
    return str(doubles)
