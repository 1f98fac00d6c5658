def f(s):
    consonants = 0
    for ch in s.lower():
        if ch.isalpha() and ch not in "aeiou":
            consonants += 1
    return consonants
