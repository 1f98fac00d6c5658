def f(s):
    count = 0
    for ch in s:
        if ch.lower() in "aeiou":
            count += 1
    return str(count)
