# findc: int64 (int((x + 120) // 40) is a big int in CPython at 1e200; OverflowError in findc)
LEVELS = [2, 7, 11, 20, 26, 31]

def f(x):
    # the output is constant on bands of width 40
    i = int((x + 120) // 40)
    if i < 0:
        i = 0
    if i > 5:
        i = 5
    return LEVELS[i] * 1.5
