def f(s):
    counts = {}
    for c in s:
        counts[c] = counts.get(c, 0) + 1
    return max(counts.values()) if counts else 0
