def f(s):
    """Run-length encoding: 'aaab' -> 'a3b1'."""
    if not s:
        return ""
    out = ""
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out += s[i] + str(j - i)
        i = j
    return out
