def f(x):
    # a cubic term minus an exponential term, both written with pow()
    cubic = pow(x, 3) / 5000
    expo = pow(2, x / 4)
    return cubic - expo
