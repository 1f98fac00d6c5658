def f(s):
    # Each word capitalized, words re-joined with single spaces.
    # Observed: "hello world" -> "Hello World", "MiXeD CaSe" -> "Mixed Case"
    words = s.split()
    return " ".join(w.capitalize() for w in words)
