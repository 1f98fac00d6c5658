def f(x):
    # undefined below 10 in the probes
    return x / 2 if x > 10 else None
