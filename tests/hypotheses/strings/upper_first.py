def f(string):
    if len(string) == 0:
        return string
    return string[0].upper() + string[1:]
