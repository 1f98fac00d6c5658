def f(s):
    # length of the longest word
    # max() of nothing raises ValueError for inputs without words
    lengths = [len(w) for w in s.split()]
    return str(max(n for n in lengths))
