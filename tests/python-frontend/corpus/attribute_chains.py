import numpy as np


def f(s, x):
    a = s.strip().lower().replace("a", "b").split(",")[0]
    b = np.random.default_rng(0).normal(size=3).tolist()
    c = np.linalg.norm(np.array([x, x]))
    d = "{} and {}".format(s, x)
    return a, b, c, d
