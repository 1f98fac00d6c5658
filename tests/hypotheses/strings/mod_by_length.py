def f(s):
    """Drops the first 7 % len(s) characters and appends that count."""
    # 7 % len(s): ZeroDivisionError for the empty string
    k = 7 % len(s)
    return s[k:] + str(k)
