import math


def f(x):
    # the first k whose sine step crosses x, or a fallback when none does
    crossing = None
    for k in range(1, 12):
        if math.sin(k * 0.7) * 10 > x:
            crossing = k
            break
    if crossing is not None:
        return crossing * 1.5 - x / 10
    previous = None
    for k in range(3):
        if previous is not None and previous > k:
            return -2.0
        previous = k
    return previous + 0.25
