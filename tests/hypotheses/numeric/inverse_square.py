def f(x):
    """Inverse square law, strength 50."""
    # 0.0 ** -2 raises ZeroDivisionError in Python
    strength = 50
    return strength * x ** -2
