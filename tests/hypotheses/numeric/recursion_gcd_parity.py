# findc: int64 (int(abs(x)) is a big int in CPython at 1e200; OverflowError in findc)
import math


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def f(x):
    n = int(abs(x))
    g = gcd(n % 360, 84)
    sign = 1 if is_even(n % 97) else -1
    return sign * g + math.sqrt(abs(x)) / 10
