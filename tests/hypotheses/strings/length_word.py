NAMES = {"0": "zero", "1": "one", "2": "two", "3": "three", "4": "four", "5": "five"}

def f(s):
    key = str(len(s))
    return NAMES.get(key, "many")
