import math

TWO_PI = 2 * math.pi
FREQ = 0.35
AMP = 1.75
PHASE = math.pi / 4
OFFSET = -0.5

def f(x):
    return AMP * math.cos(TWO_PI * FREQ * x + PHASE) + OFFSET
