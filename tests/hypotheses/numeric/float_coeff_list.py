COEFFS = [0.8, -0.35, 0.012, -1.5e-4]

def f(x):
    # cubic fit written as a list of coefficients (highest power last)
    y = 0.0
    power = 1.0
    for c in COEFFS:
        y += c * power
        power *= x
    return y
