def f(x):
    """Two sawtooth waves, one with a negative period."""
    # Python's % takes the sign of the divisor
    a = x % -7.5
    b = x % 2.5
    return a + b
