# Hypothesis after probing: letters become their alphabet positions
def f(s):
    """a -> 1, b -> 2, ..., z -> 26, joined with dashes; other characters dropped."""
    nums = [str(ord(c) - 96) for c in s.lower() if "a" <= c <= "z"]
    return "-".join(nums)
