PRIMES = [2, 3, 5, 7, 11, 13]

def f(x):
    n = int(abs(x) % 7)
    window = PRIMES[n:n + 3]
    pairs = sum(p * q for p, q in zip(PRIMES, PRIMES[1:]) if p < n)
    return sum(p for p in window) - len(PRIMES[::-3]) + pairs
