MAX_LEN = 6

def f(s):
    if len(s) > MAX_LEN:
        return s[:MAX_LEN - 1] + "..."
    return s
