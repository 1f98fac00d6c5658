def f(xs):
    squares = [x * x for x in xs if x % 2 == 0]
    pairs = [(i, j) for i in range(3) for j in range(i) if i != j]
    total = sum(x for x in xs)
    nested = [[c for c in row] for row in ["ab", "cd"]]
    return squares, pairs, total, nested
