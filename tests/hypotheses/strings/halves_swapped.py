def f(s):
    # the second half comes first; for odd lengths the middle
    # character starts the output
    half = len(s) // 2
    return s[half:] + s[:half]
