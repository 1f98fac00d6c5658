WEIGHTS = [3, -1, 4, 1, -5, 9]

def f(x):
    active = [w for w in WEIGHTS if w * x > 0]
    return sum(active) + max(WEIGHTS) * min(WEIGHTS) + sum(range(4)) + (x if any(active) else -x)
