def f(s):
    # count words by scanning characters
    count = 0
    in_word = False
    i = 0
    while i < len(s):
        if s[i] == " " or s[i] == "\t":
            in_word = False
        elif not in_word:
            in_word = True
            count += 1
        i += 1
    return f"{count} words"
