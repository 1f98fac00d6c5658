def f(s):
    """Comma-separated indices of the lowercase vowels."""
    positions = [str(i) for i in range(len(s)) if s[i] in "aeiou"]
    result = ",".join(positions)
    return result
