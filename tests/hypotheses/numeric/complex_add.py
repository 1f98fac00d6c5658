# FINDC BUG (internal error): adding two complex values lowers to
# intlist.concat ("invalid IR after IR generation"); complex + float,
# complex - complex and complex * complex work.
def f(x):
    # the agent's root formula, complex for negative x on both terms
    return x ** 0.5 + (x / 4) ** 1.5
