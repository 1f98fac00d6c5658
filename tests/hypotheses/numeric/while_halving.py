def f(x):
    # count how many halvings bring |x| under 1, skipping the odd steps
    v = abs(x)
    steps = 0
    total = 0.0
    while v >= 1:
        v /= 2
        steps += 1
        if steps % 2 == 1:
            continue
        total += v
        if steps > 40:
            break
    return total + steps
