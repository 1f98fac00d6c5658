def f(s):
    # Agents sometimes index without a default: a missing key raises KeyError.
    table = {'h': 'j', 'e': 'f', 'l': 'm', 'o': 'p', 'a': 'b'}
    return "".join(table[c] for c in s)
