def f(s):
    tab = "\t"
    newline = '\n'
    quote = 'it\'s'
    dq = "say \"hi\""
    backslash = "a\\b"
    hexed = "\x41\x7e"
    uni = "\u00e9\u4e2d"
    wide = "\U0001F600"
    octal = "\101\0"
    bell = "\a\b\f\v\r"
    unknown = "\d+\s"
    raw = r"\d+\s\n"
    raw_quote = r'a\'b'
    unicode_prefix = u"plain"
    direct = "é中😀"
    return tab + newline + quote + dq + backslash + hexed + uni + wide + octal + bell + unknown + raw + raw_quote + unicode_prefix + direct
