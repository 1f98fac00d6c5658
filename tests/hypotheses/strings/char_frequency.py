def f(s):
    # each distinct character with its count, in first-seen order
    seen = ""
    parts = []
    for c in s:
        if c in seen:
            continue
        seen += c
        parts.append(f"{c}{s.count(c)}")
    return "".join(parts)
