# findc: int64 (int(1e200) is a big int in CPython, so 12 / int(x) is tiny; OverflowError in findc)
def f(x):
    # int() truncates toward zero: 1 / 0 for -1 < x < 1
    n = int(x)
    return 12 / n

print(f(3.7), f(-2.2))
