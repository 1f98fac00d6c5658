def f(s):
    counts = {}
    for c in s:
        if c.isalpha():
            counts[c.lower()] = counts.get(c.lower(), 0) + 1
    ranked = sorted(counts, key=counts.get, reverse=True)
    return "".join(ranked[:3])
