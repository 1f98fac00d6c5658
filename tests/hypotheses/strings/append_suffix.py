SUFFIX = "lvmBi"

def f(s):
    return s + SUFFIX
