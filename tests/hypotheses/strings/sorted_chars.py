def f(s):
    # the output is the input's characters in sorted order
    return "".join(sorted(s))
