import math

def f(x):
    candidates = [int(x) - 3, int(x) + 2, -7, 5]
    far = max(candidates, key=abs)
    near = min(candidates, key=lambda c: abs(c - x))
    return far * 10 + near
