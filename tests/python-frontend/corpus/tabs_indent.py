import math


def f(x):
	if x > 0:
		return math.sqrt(x)
	else:
		y = -x
		return -math.sqrt(y)


def g(s):
	out = []
	for c in s:
		if c != " ":
			out.append(c)
	return "".join(out)
