def f(x):
    """Vertical asymptotes at every integer from -3 to 3."""
    # poles at the integers -3..3: ZeroDivisionError there
    poles = range(-3, 4)
    return sum(1 / (x - k) for k in poles)
