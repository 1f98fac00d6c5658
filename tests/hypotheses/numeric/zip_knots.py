XS = [-100, -20, 0, 30, 100]
YS = [5, -1, 2, 8, 3]

def f(x):
    # piecewise linear through the probed knots, flat outside
    if x <= XS[0]:
        return float(YS[0])
    for (x0, y0), (x1, y1) in zip(zip(XS, YS), zip(XS[1:], YS[1:])):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return float(YS[-1])
