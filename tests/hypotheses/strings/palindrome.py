def f(s):
    clean = s.lower()
    if clean == clean[::-1]:
        return "palindrome"
    return "not palindrome"
