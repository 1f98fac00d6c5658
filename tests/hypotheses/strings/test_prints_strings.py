def f(s):
    return s[::-1].upper()

# checks against the examples from the probing
examples = ["hello", "abc", ""]
for e in examples:
    print(e, "->", f(e))
print(f("racecar") == "RACECAR")
