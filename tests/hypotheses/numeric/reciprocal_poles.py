LOW = -3
HIGH = 3

def f(x):
    """Vertical asymptotes at every integer from -3 to 3."""
    # poles at the integers: ZeroDivisionError there
    return sum(1 / (x - k) for k in range(LOW, HIGH + 1))
