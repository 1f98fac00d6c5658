# observed: "  padded  " -> "padded", "Hello World" -> "hello_world"
def f(s):
    """snake_case-ish: trimmed, spaces to underscores, lower case."""
    trimmed = s.strip()
    return trimmed.replace(" ", "_").lower()
