import math

DECAY = 30.0

def f(x):
    return 8 * math.exp(-abs(x) / DECAY) * math.cos(x / 2)
