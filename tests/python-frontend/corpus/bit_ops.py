def f(n):
    a = n & 0xF | n ^ 3
    b = n << 2 >> 1
    c = ~n & (n | 1)
    d = a @ b if False else a % b
    return a, b, c, d
