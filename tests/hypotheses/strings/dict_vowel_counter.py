def f(s):
    counts = {'a': 0, 'e': 0, 'i': 0, 'o': 0, 'u': 0}
    for ch in s.lower():
        if ch in counts:
            counts[ch] += 1
    parts = []
    for v, n in counts.items():
        if n > 0:
            parts.append(f"{v}{n}")
    return "-".join(parts) if parts else "none"
