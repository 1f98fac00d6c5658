# findc: int64 (int() or round() of 1e200 is a big int in CPython; OverflowError in findc)
COEFFS = {1: 0.5, 2: -1.25, 3: 2.0}


def f(x):
    k = int(x) % 5
    try:
        return COEFFS[k] * x
    except KeyError:
        return -x
