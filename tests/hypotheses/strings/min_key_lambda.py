def f(s):
    words = s.split()
    if not words:
        return "-"
    shortest = min(words, key=lambda w: len(w))
    latest = max(words, key=lambda w: w[-1])   # ties: the first one wins
    return shortest + " " + latest
