import math


def f(x):
    try:
        y = math.log(x)
    except ValueError:
        y = float("nan")
    except (ZeroDivisionError, OverflowError) as err:
        y = 0.0
    except:
        raise_it = True
        y = None
    else:
        y = y * 2
    finally:
        done = True
    try:
        return 1 / y
    finally:
        pass
