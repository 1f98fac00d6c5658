VOWELS = "aeiou"

def pig(word):
    if word[0].lower() in VOWELS:
        return word + "way"
    i = 0
    while i < len(word) and word[i].lower() not in VOWELS:
        i += 1
    return word[i:] + word[:i] + "ay"

def f(s):
    return " ".join(pig(w) for w in s.split())
