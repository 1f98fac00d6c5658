def f(s):
    counts = {}
    for c in s:
        counts[c] = counts.get(c, 0) + 1
    if not counts:
        return ""
    return max(counts, key=counts.get)
