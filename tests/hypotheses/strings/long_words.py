MIN_LEN = 3

def f(s):
    long_ones = [w for w in s.split() if len(w) > MIN_LEN]
    return ",".join(long_ones) + "#" + str(len(long_ones))
