def f(x):
    # least squares fit of degree 5 on the sampled points
    a0 = 1.2034
    a1 = -0.5321
    a2 = 0.04412
    a3 = -0.0012
    a4 = 1.5e-5
    a5 = -7.1e-8
    return a0 + a1 * x + a2 * x**2 + a3 * x**3 + a4 * x**4 + a5 * x**5
