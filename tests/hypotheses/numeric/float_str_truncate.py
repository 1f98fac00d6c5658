def f(x):
    # the black box seemed to truncate the decimal text of x to 5 characters
    text = str(x)[:5]
    return float(text) * 2
