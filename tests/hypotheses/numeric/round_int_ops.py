# findc: int64 (round(1e200) is a big int in CPython; OverflowError in findc)
def f(x):
    r = round(x)
    half = r // 2
    rest = r % 3
    return half - rest
