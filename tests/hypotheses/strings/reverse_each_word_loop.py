def f(s):
    result = ""
    word = ""
    for c in s + " ":
        if c == " ":
            if word:
                result += word[::-1] + " "
            word = ""
        else:
            word += c
    return result.rstrip()
