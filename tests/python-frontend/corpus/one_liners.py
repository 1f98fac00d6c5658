def f(x):
    if x < 0: return -x
    elif x == 0: return 0
    else: pass
    while x > 100: x = x / 2; continue
    for i in range(3): x += i
    return x


def g(s): return s.strip().lower()
