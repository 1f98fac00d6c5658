def f(s):
    lengths = {}
    for word in s.split():
        lengths[word] = len(word)
    total = 0
    for w in lengths:
        total += lengths[w] * len(lengths)
    longest = sorted(lengths, key=lambda w: lengths[w], reverse=True)
    return (longest[0] if longest else "") + ":" + str(total)
