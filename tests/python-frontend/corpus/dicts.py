TABLE = {
    "a": 1,
    "b": 2,
    'c': 3,
}


def f(s):
    mapping = {1: "one", 2: "two", (3, 4): "pair"}
    empty = {}
    out = []
    for ch in s:
        out.append(str(TABLE.get(ch, 0)))
    return "-".join(out), mapping, empty
