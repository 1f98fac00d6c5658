# findc: int64 (int(abs(x)) of 1e200 is a big int in CPython)
def f(x):
    # the output was the last digit of the integer part
    digits = str(int(abs(x)))
    return int(digits[-1]) + int(digits[0]) * 10
