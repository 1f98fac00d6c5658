def f(s):
    return s.replace("a", "4").replace("e", "3")
