def f(x):
    # six regimes seen while probing from -128 to 128
    if x < -90:
        return -3.0
    elif x < -45:
        return 0.1 * x + 6
    elif x < -5:
        return -x / 15
    elif x < 5:
        return x * x
    elif x < 60:
        return 25 - 0.4 * (x - 5)
    else:
        return 3.0
