# findc: int64 (int(x // 10) is a big int in CPython at 1e200; OverflowError in findc)
def f(x):
    bucket = int(x // 10)
    if bucket % 2 == 0:
        return float(bucket)
    return -float(bucket)
