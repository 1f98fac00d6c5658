def f(s):
    result = ""
    for c in s:
        if c.isdigit():
            result = result + c
    if result == "":
        return "none"
    return result
