# findc: int64
def f(x):
    # powers of two, one per band of width 10
    n = int(abs(x) // 10) % 40
    return 2 ** n
