def f(s):
    result = ""
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == " ":
            result += "_"
        elif ch.isdigit():
            result += str((int(ch) + 1) % 10)
        elif "a" <= ch <= "z":
            result += chr(ord(ch) - 32)
        else:
            result += ch
        i += 1
    return result
