def f(s):
    # first character followed by the length
    if s:
        return s[0] + str(len(s))
    # empty input: falls through and returns None
