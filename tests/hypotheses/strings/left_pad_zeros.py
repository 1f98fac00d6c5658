WIDTH = 8

def f(s):
    # zero padding to width 8 (a negative repeat count gives "")
    return "0" * (WIDTH - len(s)) + s
