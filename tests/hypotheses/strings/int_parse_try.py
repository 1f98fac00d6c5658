def f(s):
    # numbers are doubled, everything else reported
    try:
        n = int(s)
    except ValueError:
        return "not a number"
    return str(n * 2)
