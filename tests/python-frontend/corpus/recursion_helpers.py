def fib(n):
    """Fibonacci, memoized by hand."""
    memo = {0: 0, 1: 1}

    def go(k):
        if k in memo:
            return memo[k]
        memo[k] = go(k - 1) + go(k - 2)
        return memo[k]

    return go(n)


def f(x):
    return fib(int(abs(x)) % 20) / 10.0
