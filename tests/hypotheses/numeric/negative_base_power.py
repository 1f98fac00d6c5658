def f(x):
    # agent's guess: x to the 2.5 divided by 1000
    # (for negative x Python gives a complex number)
    exponent = 2.5
    scale = 1000
    return x ** exponent / scale
