def f(s):
    # split on 'a', re-join with '|', and append the number of pieces
    parts = s.split("a")
    joined = "|".join(parts)
    return joined + ":" + str(len(parts))
