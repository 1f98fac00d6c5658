def f(s):
    """Each distinct character with its count, in first-seen order."""
    freq = dict()
    for c in s:
        if c not in freq:
            freq[c] = 0
        freq[c] = freq[c] + 1
    return "".join(k + str(freq[k]) for k in freq)
