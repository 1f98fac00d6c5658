def f(s):
    return str(s.find("l")) + ":" + str(s.count("l"))
