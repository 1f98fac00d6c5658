def f(x):
    # Newton's iteration with an early exit
    if x <= 0:
        return 0.0
    guess = x
    for _ in range(50):
        better = 0.5 * (guess + x / guess)
        if abs(better - guess) < 1e-12:
            break
        guess = better
    return guess
