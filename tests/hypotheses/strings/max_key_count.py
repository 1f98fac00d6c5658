def f(s):
    # the most frequent character (first one on ties)
    if not s:
        return ""
    return max(s, key=s.count)
