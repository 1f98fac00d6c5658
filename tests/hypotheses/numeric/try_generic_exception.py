import math

def f(x):
    try:
        value = math.sqrt(x - 4) / (x - 8)
    except Exception:
        value = -1.0
    return value
