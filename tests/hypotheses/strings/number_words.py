WORDS = ["zero", "one", "two", "three", "four", "five", "six"]

def f(s):
    n = len(s.split())
    if n < len(WORDS):
        return WORDS[n]
    return "many"
