def f(x):
    # rounded to the nearest hundred: round(x, -2)
    return round(x * 3.3, -2) + round(x / 7, 1)
