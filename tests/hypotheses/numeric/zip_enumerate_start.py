WEIGHTS = [3, 1, 4, 1, 5]
OFFSETS = [-50, -10, 0, 20]   # shorter: zip stops after four

def f(x):
    total = 0.0
    for k, (w, o) in enumerate(zip(WEIGHTS, OFFSETS), 1):
        total += k * w * (x > o)
    return total + k  # the loop variable outlives the loop
