# findc: int64 (int() or round() of 1e200 is a big int in CPython; OverflowError in findc)
def f(x):
    # Collatz step counts with a cache, as an agent's helper keeps one.
    n = int(abs(x)) + 1
    cache = {1: 0}
    steps = 0
    m = n
    path = []
    while m not in cache:
        path.append(m)
        m = m // 2 if m % 2 == 0 else 3 * m + 1
    steps = cache[m]
    for v in reversed(path):
        steps += 1
        cache[v] = steps
    return cache[n] + len(cache) / 1000
