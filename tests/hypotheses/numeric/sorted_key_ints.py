POINTS = [40, -7, 13, -29, 3, 0]

def f(x):
    # the three probe points nearest to x, in order of distance
    near = sorted(POINTS, key=lambda p: abs(p - int(x % 100)))[:3]
    far = sorted(POINTS, key=abs, reverse=True)
    return near[0] * 100 + near[1] + far[0] - far[-1]
