def f(s):
    # the last character, repeated by the length
    # s[len(s) - 1] is s[-1] on "": IndexError, as the black box errors there
    last = s[len(s) - 1]
    return last * len(s)
