# FINDC BUG: a parameter default naming a module constant that the function
# also assigns locally is reported "unknown name" (Python evaluates defaults
# in the module scope, at def time).
GAIN = 2.0

def f(x, gain=GAIN):
    GAIN = 0.5  # local tweak after probing
    return gain * x + GAIN
