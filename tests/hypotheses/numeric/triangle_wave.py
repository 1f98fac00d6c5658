def f(x):
    # triangle wave with period 20 and amplitude 5, centred on 0
    period = 20.0
    half = period / 2
    return abs((x % period) - half) - half / 2
