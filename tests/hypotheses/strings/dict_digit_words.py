DIGITS = {0: "zero", 1: "one", 2: "two", 3: "three", 4: "four",
          5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def f(s):
    words = [DIGITS[int(c)] for c in s if c.isdigit()]
    if len(words) == 0:
        return s
    return " ".join(words)
