def f(s: str) -> str:
    counts = {}
    for ch in s:
        if ch.isalpha():
            counts[ch] = counts.get(ch, 0) + 1
    parts = []
    for ch in sorted(counts):
        parts.append(f"{ch}{counts[ch]}")
    return "".join(parts)
