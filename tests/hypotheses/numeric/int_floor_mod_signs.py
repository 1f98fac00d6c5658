# findc: int64 (int(1e200) is a big int in CPython; OverflowError in findc)
def f(x):
    # integer arithmetic on the truncated input
    n = int(x)
    q = n // 3
    r = n % -4
    return q + r + (-n) % 5
