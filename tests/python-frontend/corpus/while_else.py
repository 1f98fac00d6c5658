def f(n):
    i = 0
    while i < n:
        if i * i > n:
            break
        i += 1
    else:
        i = -1
    for j in range(n):
        if j == 3:
            continue
    else:
        j = None
    return i, j
