def f(x):
    a = 1; b = 2; c = a + b;
    if x: a = 3; b = 4
    return a * b * c
