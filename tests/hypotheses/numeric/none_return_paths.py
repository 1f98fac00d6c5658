# None returned on some paths, written and as arms of nested ternaries (FIND prints None)
def helper(x):
    return x * 2

def f(x):
    if x < -100:
        return None
    if x > 50:
        return None if x > 100 else (x if x < 80 else None)
    return helper(x) if x != 0 else None
