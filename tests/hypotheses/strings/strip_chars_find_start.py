def f(s):
    core = s.strip("l ")
    second = s.find("a", s.find("a") + 1)
    return core + ":" + str(second)
