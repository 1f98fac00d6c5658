def f(s):
    longest = ""
    for word in s.split():
        if len(word) > len(longest):
            longest = word
    return longest
