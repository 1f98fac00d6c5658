def f(x):
    """Step function with 4 steps of height 1 at -50, 0, 50, 100."""
    # number of thresholds passed, written with bools as ints
    return (x > -50) + (x > 0) + (x > 50) + (x > 100)

for v in [-60, -10, 10, 60, 110]:
    print(v, f(v))
