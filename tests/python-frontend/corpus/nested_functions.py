def outer(x):
    def inner(y):
        def innermost(z):
            return z + 1
        return innermost(y) * 2
    return inner(x)


def f(x):
    return outer(x)
