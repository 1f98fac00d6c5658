import math
import numpy as np, scipy.special as sp
import os.path
from collections import Counter, defaultdict as dd
from itertools import (
    accumulate,
    chain as ch,
)
from numpy import pi


def f(x):
    return math.gamma(x) + sp.gamma(x) + pi
