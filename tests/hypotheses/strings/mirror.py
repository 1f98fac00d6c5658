def f(s):
    # the input followed by its reverse: "ab" -> "abba"
    reversed_s = s[::-1]
    result = s + reversed_s
    return result
