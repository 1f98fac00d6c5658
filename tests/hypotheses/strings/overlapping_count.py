def f(s):
    # count "ss", "an" and "ll", overlapping occurrences included
    n = 0
    for i in range(len(s) - 1):
        pair = s[i:i + 2]
        if pair == "ss" or pair == "an" or pair == "ll":
            n += 1
    return n
