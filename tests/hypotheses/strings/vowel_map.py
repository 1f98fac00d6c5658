VOWEL_MAP = {"a": "1", "e": "2", "i": "3", "o": "4", "u": "5"}

def f(s):
    # each vowel becomes its position among the vowels
    out = ""
    for c in s:
        out += VOWEL_MAP.get(c, c)
    return out
