def f(x):
    # flat steps of height 3 every 7 units of |x|, with a small ramp inside each step
    a = abs(x)
    steps = a // 7
    ramp = a % 7 / 7
    return steps * 3 + ramp
