def f(x):
    π = 3.14159
    naïve = x * π
    résumé = "café"
    return naïve, résumé
