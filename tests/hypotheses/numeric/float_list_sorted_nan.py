def f(x):
    # values that overflow to inf and cancel to nan at large inputs
    vals = [x, x * 0.5, x - 3.0, 1e308 * x, 0.0 * x, 1e308 * x - 1e308 * x]
    vals.append(x ** 2)
    ordered = sorted(vals, reverse=x > 0)
    by_key = sorted(vals, key=lambda v: (v * 7) % 3)
    summary = ordered + by_key + [max(vals), min(vals), sum(vals), max(vals, key=lambda v: -abs(v))]
    return " ".join(str(v) for v in summary)
