def f(s):
    first = {}
    last = {}
    for i, c in enumerate(s):
        if c not in first:
            first[c] = i
        last[c] = i
    spans = [last[c] - first[c] for c in first]
    return sum(spans) + len(first) * 100 if spans else -1
