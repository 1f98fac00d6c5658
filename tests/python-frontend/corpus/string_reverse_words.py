def f(s):
    words = s.split()
    return " ".join(w[::-1] for w in words)


print(f("hello world"))
print(f(""))
