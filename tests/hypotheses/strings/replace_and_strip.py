def f(s):
    return s.replace(" ", "").strip().upper()
