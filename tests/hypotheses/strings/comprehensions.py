def f(s):
    vowels = "aeiou"
    n = sum(1 for c in s if c in vowels)
    caps = "".join(c.upper() for c in s if c != " ")
    codes = [ord(c) for c in s]
    big = max(ord(c) for c in s) if s else 0
    ok = all(c.isalpha() for c in s) or any(c.isdigit() for c in s)
    return f"{n}:{caps}:{len(codes)}:{big}:{ok}"
