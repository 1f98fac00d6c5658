# findc: int64 (int() or round() of 1e200 is a big int in CPython; OverflowError in findc)
def f(x):
    buckets = {}
    for i in range(20):
        b = int((x + i) // 10)
        buckets[b] = buckets.get(b, 0) + 1
    best = max(buckets, key=buckets.get)
    return best * 1.5 + max(buckets.values()) - min(buckets.values()) + sum(buckets.keys())
