# findc: int64 (int(abs(1e200)) is a big int in CPython; OverflowError in findc)
# An int-keyed lookup table for small arguments, a formula past it.
FACTORIALS = {0: 1, 1: 1, 2: 2, 3: 6, 4: 24, 5: 120}


def f(x):
    n = int(abs(x)) % 8
    if n in FACTORIALS:
        return FACTORIALS[n] * 1.0
    return float(n * n)
