import math

def f(x):
    # a smoothed step: looks like an error function centred at 12
    return 3 * math.erf((x - 12) / 6) + math.erfc(x / 50)
