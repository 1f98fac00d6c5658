def f(s):
    # characters at even positions, then those at odd positions
    evens = s[::2]
    odds = s[1::2]
    return evens + "-" + odds
