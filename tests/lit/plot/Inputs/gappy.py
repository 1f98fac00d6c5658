import math

def f(x):
    # ValueError (math domain error) for |x| <= 50: a gap in the line
    return 45 * math.sin(x / 10) if abs(x) > 50 else math.log(0)
