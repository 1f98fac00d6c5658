def f(s):
    """Upper-cased first word."""
    # index(" ") raises ValueError when there is no space
    cut = s.index(" ")
    return s[:cut].upper()
