def f(s):
    """Statistics the agent guessed from the outputs."""
    words = s.split()
    n_words = len(words)
    avg = sum(len(w) for w in words) / n_words
    return f"{n_words}:{avg}"
