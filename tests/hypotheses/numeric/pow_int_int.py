# FINDC BUG (segfault): pow() of two ints with a constant exponent >= 1 crashes
# findc's lowering (Lowerer::lowerBinary re-reads the BinOp's left operand, and
# pow(...) is a Call). `3 ** 2` and pow(2.0, 3) work.
# findc: int64 (int(abs(x)) of 1e200 is a big int in CPython; OverflowError in findc)
def f(x):
    n = int(abs(x)) % 20
    # squared band index plus a cubic term
    return pow(n, 2) + pow(x / 10, 3)
