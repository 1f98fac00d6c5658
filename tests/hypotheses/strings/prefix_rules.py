def f(s):
    if s.startswith("The"):
        return s[4:]
    elif s.startswith("ab"):
        return "AB" + s[2:]
    elif s.endswith("na"):
        return s[:-2] + "NA"
    return s
