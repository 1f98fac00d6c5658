def f(s):
    # True only for all-lowercase alphabetic strings
    # ("" is not alphabetic, so it gives False)
    alpha = s.isalpha()
    return alpha and s.islower()
