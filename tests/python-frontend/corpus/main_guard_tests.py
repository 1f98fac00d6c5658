def f(s):
    vowels = "aeiou"
    return sum(1 for c in s.lower() if c in vowels)


if __name__ == '__main__':
    tests = ["hello", "AEIOU", "", "xyz"]
    for t in tests:
        result = f(t)
        print(f"f({t}) =", result)
    assert_ok = all([f("a") == 1, f("b") == 0])
    print("all ok" if assert_ok else "failed")
