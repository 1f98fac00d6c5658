import math

def f(x):
    scale = 2.5
    bump = lambda t, width=10: math.exp(-(t / width) ** 2)
    shifted = lambda t: scale * bump(t - 20)   # reads scale when called
    scale = 4.0
    return shifted(x) + bump(x, 5)
