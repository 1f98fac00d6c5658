def f(x):
    """Sawtooth with period 10, from -5 up to 5.

    Negative inputs wrap the same way (Python's modulo is never negative here).
    """
    return x % 10 - 5
