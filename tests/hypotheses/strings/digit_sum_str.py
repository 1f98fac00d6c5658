def f(s):
    digits = [ord(c) - ord("0") for c in s if c.isdigit()]
    return str(sum(digits)) + "/" + str(len(digits))
