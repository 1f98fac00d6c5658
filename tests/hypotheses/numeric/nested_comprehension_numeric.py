def f(x):
    # a 2-D grid sum that looked like the response surface
    return sum(i * j * x for i in range(1, 4) for j in range(1, 4) if i != j) / 100
