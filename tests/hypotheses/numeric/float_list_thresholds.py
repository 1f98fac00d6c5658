import math

# breakpoints of a piecewise fit, scanned in a loop; polynomial pieces
BREAKS = [-10.0, -1.5, 0.0, 2.5, 40.0]
COEFFS = [0.5, -1.2, 3.0]


def f(x):
    terms = [c * x**i for i, c in enumerate(COEFFS)]
    total = sum(terms)
    smallest = min(terms)
    loudest = max(terms, key=lambda v: abs(v))
    ranked = sorted(terms, key=lambda v: -v, reverse=True)
    region = 0
    for b in BREAKS:
        if x > b:
            region += 1
    weighted = 0.0
    for c, b in zip(COEFFS, BREAKS[1:]):
        weighted += c * b
    extended = COEFFS + [x]
    extended.append(x / 2)
    middle = sorted([x, 1.5, -x])[1]
    on_break = 1.0 if x in BREAKS else 0.0
    return (total + smallest + loudest + ranked[0] + region + weighted + len(extended) + middle
            + sum(extended[-2:]) + on_break + extended[::-1][0])
