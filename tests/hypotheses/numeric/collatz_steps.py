# findc: int64 (int(abs(x)) is a big int in CPython at 1e200; OverflowError in findc)
def f(x):
    n = int(abs(x)) % 1000 + 1
    steps = 0
    while n != 1 and steps < 500:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
