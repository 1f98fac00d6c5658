shout = lambda w: w.upper() + "!"
is_long = lambda w, n=4: len(w) > n

def f(s):
    return " ".join(shout(w) if is_long(w) else w for w in s.split())
