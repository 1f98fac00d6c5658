def f(s):
    vowels = sum(1 for c in s.lower() if c in "aeiou")
    ratio = vowels / len(s) if s else 0.0
    return f"{vowels}/{len(s)}={round(ratio, 2)}"
