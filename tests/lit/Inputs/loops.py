"""Python twins of loops.fnd: FIND's frame line for each function at INPUTS."""
import sys


def first_digit(s):
    found = -1
    i = 0
    for c in s:
        if c.isdigit():
            found = i
            break
        i += 1
    return found


def odd_sum(s):
    total = 0
    for k in range(len(s) * 3):
        if k % 2 == 0:
            continue
        if k > 20:
            break
        total += k
    return total


def halvings(s):
    v = len(s) * 1000
    steps = 0
    while True:
        steps += 1
        if steps > 100:
            break
        if v < 7:
            continue
        v = v // 2
    return v * 1000 + steps


def nested(s):
    out = ""
    for a in s:
        for b in s:
            if b == a:
                continue
            if b == "z":
                break
            out += b
        if a == "y":
            break
        out += "|"
    return out


for function in [first_digit, odd_sum, halvings, nested]:
    pairs = "".join(f"({x}, {function(x)}) " for x in sys.argv[1:])
    print(f"Function input - output pairs: {pairs}")
