def f(x):
    # x * x is inf for huge x; inf - inf is nan: int() raises on both
    big = x * x
    whole = int(big) // 7
    diff = int(big - big)
    return whole + diff
