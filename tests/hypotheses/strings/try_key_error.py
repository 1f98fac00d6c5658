CODES = {"a": "1", "b": "2", "c": "3", "e": "5", "h": "8", "l": "12", "o": "15"}

def f(s):
    out = ""
    for ch in s.lower():
        try:
            out += CODES[ch]
        except KeyError:
            out += "?"
    return out
