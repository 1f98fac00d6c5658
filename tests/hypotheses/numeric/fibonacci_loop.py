# findc: int64 (int(abs(x)) of 1e200 is a big int in CPython; OverflowError in findc)
def f(x):
    n = int(abs(x)) % 40
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
