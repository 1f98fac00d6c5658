def f(s):
    vowels = "aeiou"
    result = ""
    for c in s:
        if c.lower() in vowels:
            result += "*"
        else:
            result += c
    return result
