A = 0.35
B = -2.0
C = 7.25

def quadratic(x, a=A, b=B, c=C):
    return a * x * x + b * x + c

def f(x):
    return quadratic(x)
