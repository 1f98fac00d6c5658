"""Prints the largest distance in ulps between two files of findc outputs.

Usage: max_ulp.py A B. Both files hold one %.17g number per line (nan, inf
allowed); nan must pair with nan and infinities with equal infinities.
"""
import math
import struct
import sys


def ordinal(x):
    """Maps doubles to integers so that adjacent doubles are adjacent."""
    i = struct.unpack("<q", struct.pack("<d", x))[0]
    return i if i >= 0 else -(i & 0x7FFFFFFFFFFFFFFF)


def main(a_path, b_path):
    a = [float(line) for line in open(a_path)]
    b = [float(line) for line in open(b_path)]
    if len(a) != len(b):
        sys.exit("different lengths: %d and %d" % (len(a), len(b)))
    worst = 0
    for x, y in zip(a, b):
        if math.isnan(x) or math.isnan(y) or math.isinf(x) or math.isinf(y):
            if not (x == y or (math.isnan(x) and math.isnan(y))):
                sys.exit("mismatch: %r and %r" % (x, y))
            continue
        worst = max(worst, abs(ordinal(x) - ordinal(y)))
    print(worst)


if __name__ == "__main__":
    main(*sys.argv[1:])
