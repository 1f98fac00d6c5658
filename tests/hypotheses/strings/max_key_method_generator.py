def score(word):
    return sum(1 for c in word if c in "aeiou")

def f(s):
    # the word with the most vowels, upper-cased, and the least common letter
    best = max((w.upper() for w in s.split()), key=score)
    rare = min(s, key=s.count) if s else ""
    return best + "|" + rare
