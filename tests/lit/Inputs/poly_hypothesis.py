def function(x):
    return 0.84 + -1.26*x + 0.37*x**2 + 2.05*x**3 + -0.58*x**4 + 0.11*x**5
