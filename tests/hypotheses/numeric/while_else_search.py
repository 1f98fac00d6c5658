def f(x):
    # smallest n with n*n above |x|, or -1 if none below 6
    n = 0
    while n < 6:
        if n * n > abs(x):
            break
        n += 1
    else:
        return -1
    return n
