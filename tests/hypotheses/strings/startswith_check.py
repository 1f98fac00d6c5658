def f(s):
    if s.startswith("a") or s.endswith("z"):
        return "yes"
    return "no"
