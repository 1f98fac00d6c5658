square = lambda x: x * x
add = lambda a, b=1: a + b
const = lambda: 42


def f(x):
    key = lambda t: (t[1], -t[0])
    items = sorted([(1, 2), (3, 1), (2, 2)], key=key)
    return square(x) + add(x) + const() + items[0][0]
