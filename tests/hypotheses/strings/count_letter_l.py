def f(s):
    n = s.lower().count("l")
    if n == 0:
        return "no l"
    elif n == 1:
        return "one l"
    return f"{n} l's"
