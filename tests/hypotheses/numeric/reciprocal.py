def function(x):
    return 1 / (-7.8 * x)
