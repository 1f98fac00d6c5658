# Locals assigned None and tested with `is None` / `is not None`, for
# tests/lit/python/is-none.test: each function is called with a float.
import math


def first_multiple(x):
    result = None
    for k in range(1, 8):
        if (x * k) % 3 < 1:
            result = k * 1.5
            break
    if result is not None:
        return result + x
    return -1.0


def smallest_root(x):
    best = None
    for k in range(-3, 4):
        r = x + k
        if r >= 0 and (best is None or math.sqrt(r) < best):
            best = math.sqrt(r)
    return best


def found_square(x):
    found = None
    for k in range(10):
        if k * k > x:
            found = k
            break
    return found


def reset_in_loop(x):
    last = None
    total = 0.0
    for k in range(5):
        if (k + x) % 2 < 1:
            last = None
        else:
            last = k
        if last is not None:
            total += last * 2
    return total


def none_raises_in_arithmetic(x):
    m = None
    if x > 0:
        m = x * 2
    return m * 3


def caught_division(x):
    y = None
    try:
        y = 1 / x
    except ZeroDivisionError:
        y = None
    if None is y:
        return -1.0
    return y + 0.5


def never_none_parameter(x):
    return 2.0 if x is not None else 0.0
