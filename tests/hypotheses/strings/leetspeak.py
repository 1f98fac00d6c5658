LEET = {"a": "4", "e": "3", "l": "1", "o": "0", "s": "5", "t": "7"}

def f(s):
    # letters with a leet equivalent are replaced (case-insensitively)
    return "".join(LEET.get(c.lower(), c) for c in s)

print(f("Hello World"))
