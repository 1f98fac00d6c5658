def f(x):
    # reverse= takes an int or a bool in CPython: a float there is a TypeError
    levels = [x, 2.0 * x, -x]
    if x > 100:
        return sorted(levels, reverse=x)[0]
    return sorted(levels, reverse=x < 0)[0] + sorted(levels, key=lambda v: abs(v - 1.0), reverse=1)[-1]
