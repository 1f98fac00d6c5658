def f(x):
    """
    The outputs look noisy (about +-0.3 around a line).
    Ignoring the noise, a linear fit of the probed points gives
    slope 1.37 and intercept -4.02.
    """
    slope = 1.37
    intercept = -4.02
    return slope * x + intercept
