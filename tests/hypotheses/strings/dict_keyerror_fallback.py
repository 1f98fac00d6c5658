MORSE = {'a': '.-', 'b': '-...', 'c': '-.-.', 'd': '-..', 'e': '.', 'h': '....', 'l': '.-..', 'o': '---',
         'r': '.-.', 's': '...', 't': '-', 'w': '.--'}


def f(s):
    out = []
    for c in s.lower():
        try:
            out.append(MORSE[c])
        except KeyError:
            out.append('?')
    return ' '.join(out)
