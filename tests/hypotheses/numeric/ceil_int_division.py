import math

def f(x):
    # pages needed for x items, 12 per page (0 for x <= 0)
    if x <= 0:
        return 0
    return math.ceil(x / 12)
