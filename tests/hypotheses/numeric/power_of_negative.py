def f(x):
    # a cube root written naively: complex for negative x in Python
    return x ** (1 / 3)
