import math

def f(x):
    # magnitude in dB; log10(0) raises ValueError
    return 20 * math.log10(abs(x))
