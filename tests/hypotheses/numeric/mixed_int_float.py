def f(x):
    count = 0
    for i in range(10):
        if i < x:
            count += 1
    return count * 1.5
