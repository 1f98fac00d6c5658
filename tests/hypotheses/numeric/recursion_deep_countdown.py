def steps(x, count=0):
    # halves toward 1, counting the steps; past 1e150 it only subtracts 1,
    # which leaves a huge x unchanged: Python's recursion limit stops it
    if x < 1:
        return count
    if x > 1e150:
        return steps(x - 1, count + 1)
    return steps(x / 2, count + 1)


def f(x):
    try:
        return steps(abs(x)) * 1.5
    except RecursionError:
        return -1.0
