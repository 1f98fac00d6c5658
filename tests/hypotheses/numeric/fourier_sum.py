import math

def f(x):
    # first odd harmonics of a square wave
    return sum(math.sin((2 * k + 1) * x / 10) / (2 * k + 1) for k in range(6)) * 4 / math.pi
