def f(s):
    # title case, then swap case, padded with zeros to width 12
    return s.title().swapcase().zfill(12)
