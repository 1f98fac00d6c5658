def f(s):
    words = s.split()
    return " ".join(words[::-1])
