# Recursive hypotheses for tests/lit/python/recursion.test: each function is
# called with a float, as FIND's frame calls it (helpers too).
import math


def fact(n):
    if n <= 1:
        return n - n + 1  # an int for an int n, a float for a float n
    return n * fact(n - 1)


def fact_of_abs(x):
    return fact(int(abs(x)) % 20)


def countdown(x):
    if x <= 0:
        return 0.0
    return 1.0 + countdown(x - 1)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def parity(x):
    return 1.0 if is_even(int(abs(x)) % 50) else -1.0


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def fib_of_abs(x):
    return fib(int(abs(x)) % 16)


def caught(x):
    try:
        return countdown(x)
    except RecursionError:
        return -1.0


def caught_as_runtime(x):
    try:
        return fact(x) / 2
    except RuntimeError:
        return -2.0


def halve(x, steps=0):
    if abs(x) < 1 or steps > 60:
        return math.sqrt(abs(x)) + steps
    return halve(x / 2, steps + 1)


def spell(n):
    return "" if n <= 0 else spell(n - 1) + str(n % 10)


def spelled_length(x):
    return len(spell(int(abs(x)) % 30))
