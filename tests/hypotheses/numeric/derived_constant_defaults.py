# Constants built from other constants, used as defaults and in the body:
# Python evaluates a default once, where the def runs.
import math

N0 = 3
N1 = N0 + 2
SCALE = N1 * N0 - 4
TWO_PI = 2 * math.pi
OFFSET = -N0 // 2
RATE = 1 / N1


def f(x, n=N1, scale=SCALE, period=TWO_PI, offset=OFFSET, rate=RATE):
    if x < offset:
        return n * math.sin(x / period) + rate
    return scale * x / n - offset
