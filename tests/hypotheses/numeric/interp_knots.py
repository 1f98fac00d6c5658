def lerp(x, x0, y0, x1, y1):
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0)

def f(x):
    # linear interpolation between the probed points
    if x <= -100:
        return 4.0
    if x <= -20:
        return lerp(x, -100, 4.0, -20, -2.0)
    if x <= 0:
        return lerp(x, -20, -2.0, 0, 1.5)
    if x <= 60:
        return lerp(x, 0, 1.5, 60, 9.0)
    return 9.0
