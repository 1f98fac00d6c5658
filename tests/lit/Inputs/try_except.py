# Hypotheses with try/except, as agents write them: the lit test
# python/try-except.test runs each function here in CPython (FIND's frame) and
# in both engines, and compares the printed lines.
import math

LIMIT = 100


def helper(v):
    if v > LIMIT:
        return 1 / (v - v)
    return v * 2


def reciprocal(x):
    try:
        return 1 / x
    except ZeroDivisionError:
        return float("inf")


def keeps_old_value(x):
    y = 5.0
    try:
        y = 1 / (x - 2)
    except ZeroDivisionError:
        pass
    return y


def log_or_nan(x):
    try:
        z = math.log(x)
    except ValueError:
        z = float("nan")
    return z


def loop_stops(x):
    total = 0.0
    try:
        for i in range(10):
            total += 1 / (x - i)
            if total > 50:
                break
    except ZeroDivisionError:
        total = total - 1000
    return total


def through_helper(x):
    try:
        w = helper(x)
    except (ArithmeticError, KeyError) as e:
        w = -2.0
    else:
        w = w + 0.5
    return w


def not_caught(x):
    try:
        return math.sqrt(x) + 1 / (x - 3)
    except ZeroDivisionError:
        return -1.0


def catches_nothing(x):
    try:
        return 1 / x
    except RuntimeError:
        return 0.0


def nested(x):
    try:
        try:
            return math.sqrt(x)
        except ZeroDivisionError:
            return -1.0
    except Exception:
        try:
            return math.log(-x) / (x + 4)
        except:
            return -2.0


def in_loop(x):
    count = 0
    for k in range(-3, 4):
        try:
            count += int(x / k) % 7
        except ZeroDivisionError:
            continue
    return count


def raised_in_handler(x):
    try:
        return 1 / x
    except ZeroDivisionError:
        return math.log(x)


def float_overflow(x):
    try:
        return 10.0 ** x + 3 ** int(abs(x) % 39)
    except OverflowError:
        return -1
