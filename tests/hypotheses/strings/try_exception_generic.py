def f(s):
    try:
        first = s.split()[0]
        return first[2] + first[-1]
    except Exception:
        return "error"
