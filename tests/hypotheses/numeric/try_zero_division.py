def f(x):
    # the black box returned 0 at x = 3 where the formula divides by zero
    try:
        return 10 / (x - 3) + 1
    except ZeroDivisionError:
        return 0.0
