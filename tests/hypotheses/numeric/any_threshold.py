BANDS = [-100, -30, 0, 45, 110]

def f(x):
    # True when x lies within 5 of a band edge
    return any(abs(x - b) < 5 for b in BANDS)
