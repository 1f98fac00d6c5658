def f(s):
    # positions where the string equals its reverse
    same = [i for i, (a, b) in enumerate(zip(s, reversed(s))) if a == b]
    return ",".join(str(i) for i in same)
