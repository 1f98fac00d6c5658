import math

def f(x):
    # larger root of t^2 + x t + 16 = 0; ValueError when complex
    disc = x * x - 64
    return (-x + math.sqrt(disc)) / 2
