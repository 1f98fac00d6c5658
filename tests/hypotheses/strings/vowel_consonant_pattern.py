def f(s):
    # 'v' for a vowel, 'c' for another letter, '_' for the rest
    pattern = ""
    for c in s.lower():
        if c in "aeiou":
            pattern += "v"
        elif c.isalpha():
            pattern += "c"
        else:
            pattern += "_"
    return pattern
