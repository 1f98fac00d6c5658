def f(s):
    # the alphabetically smallest letter (by code point) and its code
    # ValueError from min() when there are no letters
    smallest = min(ord(c) for c in s if c.isalpha())
    return chr(smallest) + str(smallest)
