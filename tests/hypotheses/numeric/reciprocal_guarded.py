def function(x):
    if x == 0:
        return 0.0
    return 2.5 / x + 0.1
