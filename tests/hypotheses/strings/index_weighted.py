def f(word):
    score = 0
    for position, letter in enumerate(word):
        if letter.isalpha():
            score += (position + 1) * (ord(letter.lower()) - 96)
    return str(score)
