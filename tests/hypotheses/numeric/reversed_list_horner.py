COEFFS = [4, -3, 2, 1]  # c0 + c1 x + c2 x^2 + c3 x^3, scaled below

def f(x):
    t = x / 50
    acc = 0.0
    for c in reversed(COEFFS):
        acc = acc * t + c
    return acc
