# findc: int64 (int(abs(x)) of 1e200 is a big int in CPython; OverflowError in findc)
def f(x):
    n = int(abs(x))
    total = 0
    while n > 0:
        total += n % 10
        n //= 10
    return total
