import math

def f(x):
    return 0.5 * x + 3 * math.sin(x / 4)

# quick sanity checks against the probed values
print(f(0))
print(f(10), f(-10))
for x in range(-5, 6):
    print(x, round(f(x), 3))
