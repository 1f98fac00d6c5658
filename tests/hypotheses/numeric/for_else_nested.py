def f(x):
    hits = 0
    for i in range(1, 5):
        for j in range(1, 5):
            if i * j > x:
                break
        else:
            hits += i
            continue
        hits += 100
    return hits
