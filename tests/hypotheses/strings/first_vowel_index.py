def f(s):
    index = -1
    for i in range(len(s)):
        if s[i] in "aeiouAEIOU":
            index = i
            break
    return str(index)
