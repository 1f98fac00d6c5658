def f(name, n):
    greeting = f'Hello, {name}!'
    detail = f"{n} items, {n * 2} halves, {{literal braces}}"
    nested = f"{'yes' if n > 1 else 'no'} and {name.upper()}"
    joined = 'prefix ' f'{name}' " suffix"
    empty = f''
    return greeting + detail + nested + joined + empty + F"{n}"
