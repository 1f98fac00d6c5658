def f(x):
    # degree 6 polynomial in Horner form
    y = 3.2e-10
    y = y * x - 1.1e-8
    y = y * x + 4.7e-6
    y = y * x - 2.3e-4
    y = y * x + 0.0131
    y = y * x - 0.92
    y = y * x + 4.5
    return y
