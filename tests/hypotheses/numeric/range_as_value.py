# A range kept in a variable and read as a sequence: len, indexing,
# slicing, `in`, a negative index, iteration twice.
def f(x):
    r = range(1, 10, 2)
    n = int(abs(x) % 12)
    total = 0
    for k in r:
        total += k
    for k in r:
        total -= k // 2
    return len(r) + r[2] + (n in r) + sum(r[1:3]) + r[-1] + total
