# findc: int64 (int(abs(x)) is a big int in CPython at 1e200; OverflowError in findc)
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

def f(x):
    return fact(int(abs(x)) % 15) / 1000
