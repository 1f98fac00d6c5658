def f(x):
    a = 0
    b = 00
    c = 0x_ff
    d = 0XAB
    e = 0o777
    g = 0B1_0
    h = 1_000.000_1
    i = 1e10
    j = 1E-10
    k = 2j
    l = 1.5J
    m = 3e2j
    n = 123456789012345678901234567890
    o = 0xFFFFFFFFFFFFFFFFFFFF
    p = 9223372036854775807
    q = 9223372036854775808
    r = 1e400
    s = 5e-324
    t = 0.1 + 0.2
    u = 1e16
    v = 123456789.123456789
    w = 1e-5
    y = 0.0001
    return a, b, c, d, e, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, y
