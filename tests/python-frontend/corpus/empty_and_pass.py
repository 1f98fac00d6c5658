def f():
    pass


def g(x):
    return


class_ = None
