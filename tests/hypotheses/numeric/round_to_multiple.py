def f(x):
    """Outputs snap to multiples of 5.

    Round half to even, as Python's round does: 2.5 -> 2, 7.5 -> 8.
    """
    return 5 * round(x / 5)
