A = [1, 2, 3]
B = [10, 20, 30, 40]
C = [-1, 0, 1]

def f(x):
    # the largest of three quadratics
    best = -1e9
    for a, b, c in zip(A, B, C):
        v = a * x * x + b * x + c
        if v > best:
            best = v
    return best
