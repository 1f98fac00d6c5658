VOWELS = "aeiouAEIOU"

def f(s):
    # drop every vowel, keep everything else in order
    kept = [c for c in s if c not in VOWELS]
    return "".join(kept)
