def f(x):
    total = 0
    total += x
    total -= 1
    total *= 2
    total /= 3
    total //= 1
    total %= 7
    total **= 2
    d = {"a": 1}
    d["a"] += 5
    lst = [1, 2]
    lst[0] -= 1
    return total, d, lst
