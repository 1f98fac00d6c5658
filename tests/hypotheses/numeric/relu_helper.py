def relu(v):
    return v if v > 0 else 0.0

def f(x):
    return 2.5 * relu(x - 3) + 0.5 * relu(-x)
