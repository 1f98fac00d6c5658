import math

def f(x):
    # integer staircase, a new step every 3 units
    return math.floor(x / 3) * 2 - math.ceil(x / 11)
