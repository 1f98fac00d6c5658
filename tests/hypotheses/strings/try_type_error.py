def f(s):
    # ord() needs exactly one character
    try:
        return str(ord(s[:2]))
    except TypeError:
        return "len!=1"
