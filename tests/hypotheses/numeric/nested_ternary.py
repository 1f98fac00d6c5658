def f(x):
    # -1 on the left, a ramp in the middle, 1 then a slow decline on the right
    return -1.0 if x < -10 else (x / 10 if x < 10 else (1.0 if x < 90 else 2.0 - x / 90))

# f(-20) = -1, f(5) = 0.5, f(50) = 1, f(180) = 0
print(f(-20), f(5), f(50), f(180))
