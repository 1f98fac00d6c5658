# Dicts of str or int keys to str, int or float values, as CPython runs
# them (tests/lit/python/dicts.test): each function takes FIND's float.
WORDS = {1: "one", 2: "two", 3: "three"}
RATES = {"low": 0.5, "mid": 1.25, "high": 2.0}


def lookup_or_keyerror(x):
    return WORDS[int(x)]


def get_with_default(x):
    return WORDS.get(int(x), "many") + "!"


def bool_keys_are_ints(x):
    d = {0: "zero", 1: "one"}
    d[True] = "true"
    return d[1] + d[x > 0] + str(len(d)) + str(True in d)


def counter_values(x):
    counts = {}
    for i in range(int(abs(x)) % 12):
        counts[i % 3] = counts.get(i % 3, 0) + 1
    return sum(counts.values()) * 100 + len(counts) * 10 + (max(counts.values()) if counts else 0)


def insertion_order_kept(x):
    d = {}
    for k in [5, 3, 9, 3, 1]:
        d[k] = k * x
    d[5] += 1
    return "".join(str(k) for k in d) + "/" + "".join(str(k) for k in sorted(d)) + "/" + str(sum(d.values()))


def items_unpacked(x):
    d = {"a": 1, "b": 2, "c": 3}
    total = 0.0
    for i, (k, v) in enumerate(d.items()):
        total += i * v * x
    return total + sum(v for k, v in d.items() if k != "b")


def keys_of_max_and_min(x):
    scores = {"p": x, "q": -x, "r": x * x}
    return max(scores, key=scores.get) + min(scores, key=lambda k: scores[k]) + str(max(scores.values()))


def float_values(x):
    d = {}
    for name, rate in RATES.items():
        d[name] = rate * x
    d["low"] /= 2
    return d["low"] + d["mid"] - d["high"] + sum(d.values())


def augmented_missing_key(x):
    d = {"a": 1}
    d["b"] += int(x)
    return d["a"]


def membership_and_truth(x):
    d = {}
    if not d:
        d["k"] = 1
    n = int(x) if abs(x) < 100 else 0
    d[str(n)] = n
    return ("k" in d) + ("z" not in d) * 2 + (str(n) in d) * 4 + len(d) * 8 + bool(d) * 16


def caught_keyerror(x):
    d = {2: 1.5, 4: 2.5}
    try:
        v = d[int(x) % 6]
    except KeyError:
        v = -1.0
    return v


def dict_equality(x):
    a = {"x": 1, "y": 2}
    b = {}
    b["y"] = 2
    b["x"] = 1
    return (a == b) * 1 + (a != {"x": 1}) * 2 + (a == {"x": 1, "y": int(x)}) * 4


def helper_takes_dict(x):
    score = lambda table, word: sum(table[c] * (i + 1) for i, c in enumerate(word))
    return score({"a": 1, "b": 2}, "ab" if x > 0 else "ba")


def dict_of_str_values(x):
    names = {}
    for i in range(3):
        names[i] = "n" + str(i)
    return ",".join(names[k] for k in sorted(names, reverse=x > 0)) + "".join(names.values())
