def f(s):
    # count, for each vowel, how often it appears
    counts = []
    for v in "aeiou":
        n = 0
        for c in s.lower():
            if c == v:
                n += 1
        counts.append(v + str(n))
    return " ".join(counts)
