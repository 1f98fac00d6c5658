def f(s):
    try:
        v = float(s.strip())
        return f"{v / 4}"
    except ValueError:
        return s.upper()
