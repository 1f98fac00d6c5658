import math

def f(x):
    # angle in degrees wrapped to [-180, 180)
    a = math.degrees(x / 10)
    return (a + 180) % 360 - 180
