def f(s):
    """Every character is doubled.

    hello -> hheelllloo
    """
    return "".join(c * 2 for c in s)
