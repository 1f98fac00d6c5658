def f(s):
    # index raises ValueError when "l" is absent, as in Python
    return s[:s.index("l")]
