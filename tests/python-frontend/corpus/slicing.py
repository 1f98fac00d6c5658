def f(s):
    first = s[0]
    last = s[-1]
    middle = s[1:-1]
    step = s[::2]
    rev = s[::-1]
    head = s[:3]
    tail = s[3:]
    everything = s[:]
    odd = s[1::2]
    pieces = s[len(s) // 2 : len(s) - 1 : 1]
    return first + last + middle + step + rev + head + tail + everything + odd + pieces
