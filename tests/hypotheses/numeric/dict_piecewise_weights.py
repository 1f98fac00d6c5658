# findc: int64 (int() or round() of 1e200 is a big int in CPython; OverflowError in findc)
WEIGHTS = {-2: 0.25, -1: 0.5, 0: 1.0, 1: 2.0, 2: 4.0}


def f(x):
    k = round(x / 10)
    w = WEIGHTS.get(k, 0.0)
    return x * w + len(WEIGHTS)
