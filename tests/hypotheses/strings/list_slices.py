def f(s):
    words = s.split()
    head = words[:2]
    tail = words[-2:]
    every_other = words[::2]
    back = words[::-2]
    return "|".join(head) + "/" + "|".join(tail) + "/" + "|".join(every_other) + "/" + "|".join(back)
